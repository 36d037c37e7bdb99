/** The app shell: side panel on the left, the map with its legend and credits filling the rest. */
import { useAppStore } from '../app/store';
import { MapView } from './MapView';
import { Legend } from './Legend';
import { SidePanel } from './SidePanel';
import { Attribution } from './Attribution';
import { JobBar } from './JobBar';
import { UpdateNotice } from './offline/UpdateNotice';
import { BasemapNotice } from './map/BasemapNotice';

export function App() {
  const status = useAppStore((s) => s.status);

  return (
    <div className="app">
      <SidePanel />
      <main className="map-area" data-status={status}>
        <MapView />
        <Legend />
        <Attribution />
        <JobBar />
        <UpdateNotice />
        <BasemapNotice />
      </main>
    </div>
  );
}

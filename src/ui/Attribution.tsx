/** Credits for what the map shows (rendered as text), plus the map library. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { attributionKeys } from '../app/attribution';

export function Attribution() {
  const { t } = useTranslation();
  const source = useAppStore((s) => s.data?.source ?? null);
  const credits = attributionKeys(source).map((k) => t(k));
  return (
    <div className="attribution" data-testid="attribution">
      {[...credits, 'MapLibre', 'deck.gl'].join(' · ')}
    </div>
  );
}

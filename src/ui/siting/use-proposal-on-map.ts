/** The proposal as the map draws it (held while a site is dragged: app/layers/proposal-on-map.ts). */
import { useRef } from 'react';
import { useSitingStore } from '../../app/siting-store';
import { proposalSlice, proposalToShow, type ProposalOnMap } from '../../app/layers/proposal-on-map';

/** The siting slice the map layers read; the same object while a drag lasts. */
export function useProposalOnMap(): ProposalOnMap {
  const shown = useRef<ProposalOnMap | undefined>(undefined);
  return useSitingStore((s) => (shown.current = proposalToShow(shown.current, proposalSlice(s))));
}

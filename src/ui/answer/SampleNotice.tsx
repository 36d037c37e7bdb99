/**
 * The synthetic-sample notice: shown while any loaded layer is the built-in sample, naming those
 * layers when the user replaced the others (see app/layer-origin.ts).
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { sampleState } from '../../app/layer-origin';

export function SampleNotice({ testId }: { testId: string }) {
  const { t } = useTranslation();
  const files = useAppStore((s) => s.files);
  const state = sampleState(files);
  if (state.kind === 'none') return null;
  const names = (layers: readonly string[]) => layers.map((l) => t(`answer.sample.layer.${l}`)).join(t('answer.sample.separator'));
  return (
    <p className="sample-notice" data-testid={testId} data-sample-layers={state.sampleLayers.join(' ')}>
      {state.kind === 'all'
        ? t('answer.sample.all')
        : t('answer.sample.partial', { layers: names(state.sampleLayers), others: names(state.otherLayers) })}
    </p>
  );
}

/** The "Sample" badge of a layer card whose file is the built-in sample. */
export function SampleBadge({ layer }: { layer: 'facilities' | 'communities' | 'roads' }) {
  const { t } = useTranslation();
  const sample = useAppStore((s) => s.files[layer]?.sample === true);
  if (!sample) return null;
  return (
    <span className="sample-badge" data-testid={`sample-badge-${layer}`} title={t('answer.sample.badgeTitle')}>
      {t('answer.sample.badge')}
    </span>
  );
}

/**
 * Demand by age group in the communities' mapping step: for each category that counts places (a
 * capacity unit or a planning ratio), the column of the residents it serves — e.g. children aged
 * 0–3 for childcare, residents aged 60+ for elderly canteens. "Automatic" is the settings file's
 * `populationField` of the category, else all residents.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import type { WorkspaceLayerOptions } from '../../app/workspace-actions';
import './demand-fields.css';

interface Props {
  fields: readonly string[];
  draft: WorkspaceLayerOptions;
  onChange: (draft: WorkspaceLayerOptions) => void;
}

export function DemandFields({ fields, draft, onChange }: Props) {
  const { t } = useTranslation();
  // the settings object, not `?? []`: a new array per call would re-render without end
  const settings = useAppStore((s) => s.settings);
  const categories = settings?.categories ?? [];
  const language = useAppStore((s) => s.language);
  const counted = categories.filter((c) => c.capacityUnit || c.capacityPerThousand !== undefined);
  if (counted.length === 0) return null;
  const chosen = draft.demandFields ?? {};
  return (
    <details className="demand-fields" open={Object.keys(chosen).length > 0} data-testid="demand-fields">
      <summary>{t('outlines.demandTitle')}</summary>
      <p className="hint">{t('outlines.demandHint')}</p>
      {counted.map((c) => {
        const id = `map-communities-demand-${c.id}`;
        const value = chosen[c.id] ?? '';
        const set = (col: string) => {
          const next: Record<string, string> = { ...chosen };
          if (col === '') delete next[c.id];
          else next[c.id] = col;
          onChange({ ...draft, demandFields: Object.keys(next).length > 0 ? next : undefined });
        };
        return (
          <div className="mapping-row" key={c.id}>
            <label htmlFor={id}>{t('outlines.demandField', { category: c.label[language] })}</label>
            <select id={id} data-testid={id} value={value} onChange={(e) => set(e.target.value)}>
              <option value="">{c.populationField ? t('workspace.autoFrom', { fields: c.populationField }) : t('outlines.demandAll')}</option>
              {value !== '' && !fields.includes(value) && <option value={value}>{value}</option>}
              {fields.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </details>
  );
}

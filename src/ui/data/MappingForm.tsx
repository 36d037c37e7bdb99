/**
 * The mapping step of a layer: which columns hold the coordinates (CSV), the category and capacity
 * (facilities), the population, urban/rural kind, district and demand by age group (communities), and the kind when missing. Each
 * select starts on "automatic", labelled with the columns the readers would use.
 */
import { useTranslation } from 'react-i18next';
import type { WorkspaceLayerOptions } from '../../app/workspace-actions';
import type { LayerName, LayerReport } from '../../app/store';
import { autoFields, CAPACITY_FIELDS, CATEGORY_FIELDS, KIND_FIELDS, POPULATION_FIELDS } from './field-guess';
import { DISTRICT_FIELDS } from '../../io/read-communities';
import { DemandFields } from './DemandFields';

type FieldKey = 'lonField' | 'latField' | 'categoryField' | 'capacityField' | 'populationField' | 'kindField' | 'districtField';

interface Props {
  layer: LayerName;
  report: LayerReport;
  draft: WorkspaceLayerOptions;
  onChange: (draft: WorkspaceLayerOptions) => void;
}

export function MappingForm({ layer, report, draft, onChange }: Props) {
  const { t } = useTranslation();
  const fields = report.fields;
  const autoLabel = (used: readonly string[]) => (used.length > 0 ? t('workspace.autoFrom', { fields: used.join(', ') }) : t('workspace.auto'));

  const select = (key: FieldKey, label: string, auto: readonly string[]) => {
    const value = draft[key] ?? '';
    const id = `map-${layer}-${key}`;
    return (
      <div className="mapping-row" key={key}>
        <label htmlFor={id}>{label}</label>
        <select id={id} data-testid={id} value={value} onChange={(e) => onChange({ ...draft, [key]: e.target.value || undefined })}>
          <option value="">{autoLabel(auto)}</option>
          {value !== '' && !fields.includes(value) && <option value={value}>{value}</option>}
          {fields.map((f) => (
            <option key={f} value={f}>{f}</option>
          ))}
        </select>
      </div>
    );
  };

  const rows = [];
  if (report.format === 'csv') {
    rows.push(select('lonField', t('workspace.lonField'), report.lonField ? [report.lonField] : []));
    rows.push(select('latField', t('workspace.latField'), report.latField ? [report.latField] : []));
  }
  if (layer === 'facilities') {
    rows.push(select('categoryField', t('workspace.categoryField'), autoFields(fields, CATEGORY_FIELDS)));
    rows.push(select('capacityField', t('workspace.capacityField'), autoFields(fields, CAPACITY_FIELDS).slice(0, 1)));
  }
  if (layer === 'communities') {
    rows.push(select('populationField', t('workspace.populationField'), autoFields(fields, POPULATION_FIELDS).slice(0, 1)));
    rows.push(select('kindField', t('workspace.kindField'), autoFields(fields, KIND_FIELDS).slice(0, 1)));
    rows.push(select('districtField', t('districts.districtField'), autoFields(fields, DISTRICT_FIELDS).slice(0, 1)));
    rows.push(<DemandFields key="demand" fields={fields} draft={draft} onChange={onChange} />);
    const id = `map-${layer}-defaultKind`;
    rows.push(
      <div className="mapping-row" key="defaultKind">
        <label htmlFor={id}>{t('workspace.defaultKind')}</label>
        <select id={id} data-testid={id} value={draft.defaultKind ?? ''}
          onChange={(e) => onChange({ ...draft, defaultKind: e.target.value === 'urban' || e.target.value === 'rural' ? e.target.value : undefined })}>
          <option value="">{t('workspace.defaultKindNone')}</option>
          <option value="urban">{t('workspace.urban')}</option>
          <option value="rural">{t('workspace.rural')}</option>
        </select>
      </div>,
    );
  }
  if (rows.length === 0) return null;
  return <div className="mapping-form">{rows}</div>;
}

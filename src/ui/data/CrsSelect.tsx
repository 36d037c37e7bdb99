/** A select of coordinate systems (geographic ones and the CGCS2000 Gauss–Krüger zones). */
import { useTranslation } from 'react-i18next';
import { CRS_OPTION_GROUPS, findCrsOption } from './crs-options';

/** The label of a CRS id: the listed name, else the id itself (e.g. a .prj definition, shortened). */
export function useCrsLabel(): (id: string) => string {
  const { t } = useTranslation();
  return (id: string) => {
    const o = findCrsOption(id);
    if (o) return t(`workspace.crsName.${o.key}`, o.params);
    return id.startsWith('PROJ:') && id.length > 40 ? `${id.slice(0, 38)}…` : id;
  };
}

export function CrsSelect({ id, value, onChange, testId }: { id: string; value: string; onChange: (crs: string) => void; testId: string }) {
  const { t } = useTranslation();
  const label = useCrsLabel();
  const listed = findCrsOption(value) !== null;
  return (
    <select id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
      {!listed && (
        <optgroup label={t('workspace.crsGroup.file')}>
          <option value={value}>{label(value)}</option>
        </optgroup>
      )}
      {CRS_OPTION_GROUPS.map((g) => (
        <optgroup key={g.group} label={t(`workspace.crsGroup.${g.group}`)}>
          {g.options.map((o) => (
            <option key={o.id} value={o.id}>{label(o.id)}</option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

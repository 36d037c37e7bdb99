/**
 * Scenarios side by side, in columns that fit the side panel: sites added, residents newly covered,
 * and the covered share per category before, with the current proposal and with each saved scenario.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { useSitingStore } from '../../app/siting-store';
import { categoryStyles } from '../../app/category-style';
import { loadScenario, removeScenario, saveScenario } from '../../app/siting-actions';
import { formatPercent, formatPeople } from './format';
import './siting.css';

export function ScenarioTable() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const settings = useAppStore((s) => s.settings);
  const comparison = useSitingStore((s) => s.comparison);
  const scenarios = useSitingStore((s) => s.scenarios);
  const hasProposal = useSitingStore((s) => s.sites.length > 0);
  const category = useSitingStore((s) => s.category);
  const currentSites = useSitingStore((s) => s.sites.length);
  const [name, setName] = useState('');
  const labels = useMemo(
    () => new Map((settings ? categoryStyles(settings.categories) : []).map((c) => [c.id, c.label[language]])),
    [settings, language],
  );
  if (!comparison) return null;
  const touched = new Set([category, ...scenarios.map((s) => s.category)]);
  const rows = comparison.categoryIds.map((id, k) => ({ id, k })).filter((r) => touched.has(r.id));

  return (
    <div className="scenarios">
      <h3>{t('siting.scenarios')}</h3>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          saveScenario(name || t('siting.defaultName', { n: scenarios.length + 1 }));
          setName('');
        }}
      >
        <input
          aria-label={t('siting.scenarioName')}
          placeholder={t('siting.defaultName', { n: scenarios.length + 1 })}
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="scenario-name"
        />
        <button type="submit" disabled={!hasProposal} data-testid="scenario-save">
          {t('siting.saveScenario')}
        </button>
      </form>
      <table className="scenario-table" data-testid="scenario-table">
        <thead>
          <tr>
            <th>{t('siting.categoryColumn')}</th>
            <th>{t('siting.beforeColumn')}</th>
            {comparison.current && <th>{t('siting.currentColumn')}</th>}
            {scenarios.map((s, i) => (
              <th key={`${s.name}-${i}`} data-testid="scenario-column">
                <button type="button" className="link" title={`${t('siting.load')}: ${s.name}`} onClick={() => void loadScenario(i)}>
                  {s.name}
                </button>
                <button type="button" className="icon" aria-label={`${t('siting.remove')} ${s.name}`} onClick={() => removeScenario(i)}>
                  ×
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr data-testid="scenario-sites-added">
            <th scope="row">{t('proposals.sitesAdded')}</th>
            <td className="num">0</td>
            {comparison.current && <td className="num">{currentSites}</td>}
            {scenarios.map((s, i) => (
              <td key={`${s.name}-${i}`} className="num">
                {s.sites.length}
              </td>
            ))}
          </tr>
          <tr data-testid="scenario-residents-added">
            <th scope="row">{t('proposals.residentsAdded')}</th>
            <td className="num">0</td>
            {comparison.current && <td className="num">{formatPeople(comparison.currentAdded ?? 0, language)}</td>}
            {scenarios.map((s, i) => (
              <td key={`${s.name}-${i}`} className="num">
                {comparison.scenariosAdded[i] === undefined ? '–' : formatPeople(comparison.scenariosAdded[i]!, language)}
              </td>
            ))}
          </tr>
          <tr className="scenario-subhead">
            <th scope="rowgroup" colSpan={2 + (comparison.current ? 1 : 0) + scenarios.length}>
              {t('proposals.shares')}
            </th>
          </tr>
          {rows.map(({ id, k }) => (
            <tr key={id} data-category={id}>
              <th scope="row">{labels.get(id) ?? id}</th>
              <td className="num">{formatPercent(comparison.before[k], language)}</td>
              {comparison.current && <td className="num">{formatPercent(comparison.current[k], language)}</td>}
              {scenarios.map((s, i) => (
                <td key={`${s.name}-${i}`} className="num">
                  {formatPercent(comparison.scenarios[i]?.[k], language)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The siting section: where new facilities of one category close the most gap (k sites, or as few
 * as reach a share), on generated or uploaded candidates, with excluded areas; the proposal on the
 * map can be dragged, added to and trimmed, and saved as scenarios to compare.
 */
import { useMemo, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { useSitingStore } from '../../app/siting-store';
import { categoryStyles } from '../../app/category-style';
import { cancelJob } from '../../app/actions';
import { clearProposal, runSiting, setAddMode, setSitingForm, setSitingUpload } from '../../app/siting-actions';
import { ProblemList } from '../data/ProblemList';
import { problemsByFile } from '../data/problem-lists';
import { Section } from './Section';
import { SiteList } from '../siting/SiteList';
import { ScenarioTable } from '../siting/ScenarioTable';
import { StaleNotice } from '../siting/StaleNotice';
import { formatNumber, formatPercent, formatPeople } from '../siting/format';

type UploadKind = 'candidates' | 'exclude';

async function readUpload(e: ChangeEvent<HTMLInputElement>, kind: UploadKind) {
  const file = e.target.files?.[0];
  e.target.value = '';
  if (file) setSitingUpload(kind, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
}

/** What each upload takes: candidates also as CSV tables, exclusions only as areas. */
const ACCEPT: Record<UploadKind, string> = { candidates: '.geojson,.json,.csv,.zip', exclude: '.geojson,.json,.zip' };

/** A siting upload: the loaded file's name with a clear button (or what is used without one), and the file button. */
function UploadField({ kind, file, empty, upload }: { kind: UploadKind; file: string | null; empty: string; upload: string }) {
  const { t } = useTranslation();
  return (
    <span className="upload">
      {file ? (
        <>
          {file}{' '}
          <button type="button" className="icon" onClick={() => setSitingUpload(kind, null)} aria-label={t('siting.clear')}>
            ×
          </button>
        </>
      ) : (
        <span className="muted">{empty}</span>
      )}
      <label className="file-button">
        {upload}
        <input type="file" accept={ACCEPT[kind]} data-testid={`siting-${kind}-file`} onChange={(e) => void readUpload(e, kind)} />
      </label>
    </span>
  );
}

export function SitingSection() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const settings = useAppStore((s) => s.settings);
  const hasCoverage = useAppStore((s) => s.coverage !== null);
  const job = useAppStore((s) => s.job);
  const st = useSitingStore();
  const { form } = st;
  const categories = useMemo(() => (settings ? categoryStyles(settings.categories) : []), [settings]);
  const num = (v: string, min: number, max: number, fallback: number) => {
    const n = Number(v);
    return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
  };

  return (
    <Section id="siting" title={t('panel.siting')}>
      <StaleNotice />
      {!hasCoverage ? (
        <p className="coming">{t('siting.noData')}</p>
      ) : (
        <>
          <div className="form-grid">
            <label htmlFor="siting-category">{t('siting.category')}</label>
            <select
              id="siting-category"
              data-testid="siting-category"
              value={form.category}
              onChange={(e) => setSitingForm({ category: e.target.value })}
            >
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label[language]}
                </option>
              ))}
            </select>
            <span>{t('siting.how')}</span>
            <span className="row">
              <label>
                <input
                  type="radio"
                  name="siting-mode"
                  checked={form.mode === 'k'}
                  onChange={() => setSitingForm({ mode: 'k' })}
                  data-testid="siting-mode-k"
                />{' '}
                {t('siting.modeK')}
              </label>
              <label>
                <input
                  type="radio"
                  name="siting-mode"
                  checked={form.mode === 'share'}
                  onChange={() => setSitingForm({ mode: 'share' })}
                  data-testid="siting-mode-share"
                />{' '}
                {t('siting.modeShare')}
              </label>
            </span>
            {form.mode === 'k' ? (
              <>
                <label htmlFor="siting-k">{t('siting.k')}</label>
                <input
                  id="siting-k"
                  type="number"
                  min={1}
                  max={200}
                  step={1}
                  value={form.k}
                  data-testid="siting-k"
                  onChange={(e) => setSitingForm({ k: Math.round(num(e.target.value, 1, 200, form.k)) })}
                />
              </>
            ) : (
              <>
                <label htmlFor="siting-target">{t('siting.target')}</label>
                <input
                  id="siting-target"
                  type="number"
                  min={1}
                  max={100}
                  step={0.5}
                  value={form.targetPercent}
                  data-testid="siting-target"
                  onChange={(e) => setSitingForm({ targetPercent: num(e.target.value, 0, 100, form.targetPercent) })}
                />
              </>
            )}
            <span>{t('siting.candidates')}</span>
            <UploadField kind="candidates" file={st.candidatesFile} empty={t('siting.generated')} upload={t('siting.uploadCandidates')} />
            {!st.candidatesFile && (
              <>
                <label htmlFor="siting-spacing">{t('siting.spacing')}</label>
                <input
                  id="siting-spacing"
                  type="number"
                  min={0}
                  max={5000}
                  step={50}
                  value={form.spacingMeters}
                  onChange={(e) => setSitingForm({ spacingMeters: num(e.target.value, 0, 5000, form.spacingMeters) })}
                />
              </>
            )}
            <span>{t('siting.exclude')}</span>
            <UploadField kind="exclude" file={st.excludeFile} empty={t('siting.none')} upload={t('siting.uploadExclude')} />
            <label htmlFor="siting-exact">{t('siting.exact')}</label>
            <span className="row">
              <input
                id="siting-exact"
                type="checkbox"
                checked={form.exact}
                data-testid="siting-exact"
                onChange={(e) => setSitingForm({ exact: e.target.checked })}
              />
              {form.exact && (
                <label>
                  {t('siting.timeLimit')}{' '}
                  <input
                    type="number"
                    min={1}
                    max={600}
                    value={form.timeLimitSeconds}
                    className="short"
                    onChange={(e) => setSitingForm({ timeLimitSeconds: num(e.target.value, 1, 600, form.timeLimitSeconds) })}
                  />
                </label>
              )}
            </span>
          </div>
          <div className="row">
            <button type="button" className="primary" data-testid="siting-run" disabled={st.running} onClick={() => void runSiting()}>
              {st.running ? t('siting.running') : t('siting.run')}
            </button>
            {st.running && (
              <button type="button" onClick={() => void cancelJob().then(() => useSitingStore.setState({ running: false }))}>
                {t('siting.cancel')}
              </button>
            )}
            {st.running && job && (
              <span className="muted" data-testid="siting-progress">
                {t(`siting.stage.${job.stage}`, { defaultValue: job.stage })} {Math.round(job.fraction * 100)}%
              </span>
            )}
          </div>
          {st.error && (
            <p className="error" role="alert">
              {st.error}
            </p>
          )}
          {st.problems.length > 0 && (
            <details className="problems">
              <summary>
                {t('siting.problems')} ({st.problems.length})
              </summary>
              {problemsByFile(st.problems).map(([file, problems]) => (
                <div key={file} data-testid="siting-problems-file">
                  <p className="problem-file">{file}</p>
                  <ProblemList problems={problems} testId="siting-problem-list" />
                </div>
              ))}
            </details>
          )}
          {st.share !== null && (
            <div className="siting-result">
              <div className="big-number">
                <span>{t('siting.share')}</span>
                <strong data-testid="siting-share" data-value={st.share}>
                  {formatPercent(st.share, language)}
                </strong>
              </div>
              <p className="muted">
                {t('siting.before', { before: formatPercent(st.beforeShare, language) })} ·{' '}
                {t('siting.added', { people: formatPeople(st.addedPopulation, language) })}
                {st.editMs !== null && (
                  <>
                    {' '}
                    · <span data-testid="siting-edit-ms">{t('siting.editMs', { ms: formatNumber(st.editMs, language, 0) })}</span>
                  </>
                )}
              </p>
              {st.run && (
                <p className="muted">
                  {t('siting.solver', {
                    solver: t(st.run.solver === 'exact' ? 'siting.solverExact' : 'siting.solverGreedy'),
                    status: t(`siting.status.${st.run.status}`),
                    candidates: formatPeople(st.run.candidateCount, language),
                    seconds: formatNumber(st.run.seconds, language, 2),
                  })}
                  {Number.isFinite(st.run.gap) && (
                    <>
                      {' · '}
                      {/* a gap that shows as 0.0 % is the bound met: say so rather than "within 0.0 %" */}
                      {st.run.gap < 0.0005
                        ? t('siting.provenOptimal')
                        : t('siting.gapProven', { gap: formatPercent(st.run.gap, language) })}
                    </>
                  )}
                </p>
              )}
              {st.run && !st.run.targetReached && (
                <p className="error">{t('siting.notReached', { max: formatPercent(st.run.maxShare, language) })}</p>
              )}
            </div>
          )}
          {(st.sites.length > 0 || st.share !== null) && (
            <>
              <h3>{t('siting.sites')}</h3>
              <SiteList />
              <p className="muted">{t('siting.dragHint')}</p>
              <div className="row">
                <button type="button" data-testid="siting-add" aria-pressed={st.addMode} onClick={() => setAddMode(!st.addMode)}>
                  {st.addMode ? t('siting.adding') : t('siting.add')}
                </button>
                <button type="button" onClick={clearProposal}>
                  {t('siting.clearProposal')}
                </button>
              </div>
            </>
          )}
          <ScenarioTable />
        </>
      )}
    </Section>
  );
}

/** Save the settings as a settings file (the CLI's --settings shape) or open one; refusals are listed. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { dismissSettingsErrors, openSettingsFile, saveSettingsFile } from '../../app/settings-actions';

export function SettingsFile() {
  const { t } = useTranslation();
  const errors = useAppStore((s) => s.settingsErrors);
  const fileRef = useRef<HTMLInputElement>(null);

  const onFile = async () => {
    const input = fileRef.current;
    const file = input?.files?.[0];
    if (!input || !file) return;
    const text = await file.text();
    input.value = ''; // the same file can be opened again after a fix
    await openSettingsFile(file.name, text);
  };

  return (
    <div className="settings-file">
      <div className="button-row">
        <button type="button" onClick={saveSettingsFile} data-testid="settings-save">
          {t('settings.save')}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t('settings.open')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={() => void onFile()}
          data-testid="settings-open"
        />
      </div>
      {errors.length > 0 && (
        <div className="settings-errors error" role="alert" data-testid="settings-errors">
          <p>{t('settings.refused')}</p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
          <button type="button" onClick={dismissSettingsErrors}>
            {t('settings.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}

import { type FormEvent, useState } from 'react';
import type { NewSource, SourceType } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../session';
import { ErrorMessage } from '../ui/error-message';

/** Lines or commas to a list: globs one per line, principals by commas or spaces. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
const words = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter(Boolean);

/**
 * Adds a folder or git source (docs/sources.md), with who may read it. The server validates the
 * settings; its message is shown as it is.
 */
export function SourceForm({
  onAdded,
  onCancel,
}: {
  onAdded: (name: string, syncNow: boolean) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const [type, setType] = useState<SourceType>('folder');
  const [fields, setFields] = useState({
    name: '',
    path: '',
    url: '',
    branch: '',
    urlTemplate: '',
    include: '',
    exclude: '',
    acl: 'public',
    syncEvery: '',
  });
  const [syncNow, setSyncNow] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const field = (name: keyof typeof fields) => ({
    value: fields[name],
    onChange: (event: { target: { value: string } }) =>
      setFields((current) => ({ ...current, [name]: event.target.value })),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const filters = {
      ...(lines(fields.include).length ? { include: lines(fields.include) } : {}),
      ...(lines(fields.exclude).length ? { exclude: lines(fields.exclude) } : {}),
      ...(fields.syncEvery.trim() ? { syncEveryMinutes: Number(fields.syncEvery.trim()) } : {}),
    };
    const name = fields.name.trim();
    const acl = words(fields.acl);
    const source: NewSource =
      type === 'folder'
        ? { name, type, acl, settings: { path: fields.path.trim(), ...filters } }
        : {
            name,
            type,
            acl,
            settings: {
              url: fields.url.trim(),
              ...(fields.branch.trim() ? { branch: fields.branch.trim() } : {}),
              ...(fields.urlTemplate.trim() ? { urlTemplate: fields.urlTemplate.trim() } : {}),
              ...filters,
            },
          };
    setBusy(true);
    setError(undefined);
    try {
      await api.admin.addSource(source);
      onAdded(name, syncNow);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form card"
      onSubmit={submit}
      data-testid="source-form"
      aria-labelledby="source-form-title"
    >
      <h3 id="source-form-title">{t('sources.addTitle')}</h3>
      <label className="field">
        <span>{t('sources.name')}</span>
        <input
          required
          pattern="[a-z0-9][a-z0-9._\-]*"
          title={t('sources.nameRule')}
          autoCapitalize="none"
          spellCheck={false}
          data-testid="source-name"
          {...field('name')}
        />
        <small className="muted">{t('sources.nameRule')}</small>
      </label>
      <fieldset className="field segmented">
        <legend>{t('sources.type')}</legend>
        {(['folder', 'git'] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="source-type"
              value={option}
              checked={type === option}
              onChange={() => setType(option)}
              data-testid={`source-type-${option}`}
            />
            {t(option === 'folder' ? 'sources.typeFolder' : 'sources.typeGit')}
          </label>
        ))}
      </fieldset>
      {type === 'folder' ? (
        <label className="field">
          <span>{t('sources.path')}</span>
          <input
            required
            placeholder="/srv/exports/handbook"
            spellCheck={false}
            data-testid="source-path"
            {...field('path')}
          />
          <small className="muted">{t('sources.pathHelp')}</small>
        </label>
      ) : (
        <>
          <label className="field">
            <span>{t('sources.url')}</span>
            <input
              required
              placeholder="https://gitlab.example.com/team/backend.git"
              spellCheck={false}
              data-testid="source-url"
              {...field('url')}
            />
            <small className="muted">{t('sources.urlHelp')}</small>
          </label>
          <label className="field">
            <span>{t('sources.branch')}</span>
            <input placeholder="main" spellCheck={false} data-testid="source-branch" {...field('branch')} />
            <small className="muted">{t('sources.branchHelp')}</small>
          </label>
          <label className="field">
            <span>{t('sources.urlTemplate')}</span>
            <input
              placeholder="https://gitlab.example.com/team/backend/-/blob/{commit}/{path}"
              spellCheck={false}
              data-testid="source-url-template"
              {...field('urlTemplate')}
            />
            <small className="muted">{t('sources.urlTemplateHelp')}</small>
          </label>
        </>
      )}
      <label className="field">
        <span>{t('sources.syncEvery')}</span>
        <input
          type="number"
          min={5}
          inputMode="numeric"
          placeholder="60"
          data-testid="source-sync-every"
          {...field('syncEvery')}
        />
        <small className="muted">{t('sources.syncEveryHelp')}</small>
      </label>
      <details className="field-group">
        <summary>{t('sources.filters')}</summary>
        <label className="field">
          <span>{t('sources.include')}</span>
          <textarea
            rows={2}
            placeholder={'docs/**\n*.md'}
            spellCheck={false}
            data-testid="source-include"
            {...field('include')}
          />
        </label>
        <label className="field">
          <span>{t('sources.exclude')}</span>
          <textarea
            rows={2}
            placeholder="**/*.min.js"
            spellCheck={false}
            data-testid="source-exclude"
            {...field('exclude')}
          />
        </label>
        <small className="muted">{t('sources.globHelp')}</small>
      </details>
      <label className="field">
        <span>{t('sources.acl')}</span>
        <input required spellCheck={false} autoCapitalize="none" data-testid="source-acl" {...field('acl')} />
        <small className="muted">{t('sources.aclHelp')}</small>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={syncNow} onChange={(event) => setSyncNow(event.target.checked)} />
        {t('sources.syncAfterAdd')}
      </label>
      <ErrorMessage error={error} />
      <div className="row">
        <button type="submit" className="button-primary" disabled={busy} data-testid="source-submit">
          {t('sources.add')}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

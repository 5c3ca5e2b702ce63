import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { NewSource, SourceInfo, SourceType } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../session';
import { ErrorMessage } from '../ui/error-message';
import {
  fieldsOf,
  hasCredentials,
  NEW_SOURCE_FIELDS,
  type SourceFields,
  sameAcl,
  settingsFrom,
  words,
} from './source-settings';

/** What was saved, for the panel to reload and maybe start a sync. */
export interface SourceSaved {
  name: string;
  /** Start a sync now. */
  syncNow: boolean;
  /** The readers of an existing source changed: its documents are hidden until the next sync. */
  aclChanged: boolean;
}

/**
 * Adds a folder or git source (docs/sources.md), with who may read it, or edits one (`source`): the same
 * form, filled in, with the name and type fixed. The server validates the settings; its message is shown
 * as it is. Editing sends every setting (they replace the stored ones); a changed ACL hides the source's
 * documents until the next sync, so the form says so and offers to sync right after saving.
 */
export function SourceForm({
  id,
  source,
  onSaved,
  onCancel,
}: {
  id?: string;
  source?: SourceInfo;
  onSaved: (saved: SourceSaved) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const editing = source !== undefined;
  const [type, setType] = useState<SourceType>(source?.type ?? 'folder');
  const [fields, setFields] = useState<SourceFields>(() => (source ? fieldsOf(source) : NEW_SOURCE_FIELDS));
  /** Unset until the person decides: adding syncs by default, editing when the readers changed. */
  const [syncChoice, setSyncChoice] = useState<boolean>();
  const [filtersOpen, setFiltersOpen] = useState(() => Boolean(fields.include || fields.exclude));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const formRef = useRef<HTMLFormElement>(null);
  const ids = useId();

  const aclChanged = source !== undefined && !sameAcl(words(fields.acl), source.acl);
  const syncNow = syncChoice ?? (editing ? aclChanged : true);
  const urlMasked = typeof source?.settings.url === 'string' && hasCredentials(source.settings.url);

  // Editing is opened from the source's row: the first field to change gets the focus.
  useEffect(() => {
    if (!editing) return;
    formRef.current
      ?.querySelector<HTMLElement>('input:not([readonly]):not([type="hidden"]), textarea')
      ?.focus();
  }, [editing]);

  const field = (name: keyof SourceFields) => ({
    value: fields[name],
    onChange: (event: { target: { value: string } }) =>
      setFields((current) => ({ ...current, [name]: event.target.value })),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const acl = words(fields.acl);
    setBusy(true);
    setError(undefined);
    try {
      if (source) {
        await api.admin.updateSource(source.name, {
          settings: settingsFrom(source.type, fields, source.settings),
          // Sent only when the readers really changed: the server drops the documents for any new list.
          ...(aclChanged ? { acl } : {}),
        });
        onSaved({ name: source.name, syncNow, aclChanged });
      } else {
        const name = fields.name.trim();
        const added: NewSource =
          type === 'folder'
            ? { name, type, acl, settings: settingsFrom(type, fields) }
            : { name, type, acl, settings: settingsFrom(type, fields) };
        await api.admin.addSource(added);
        onSaved({ name, syncNow, aclChanged: false });
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={formRef}
      id={id}
      className="form card"
      onSubmit={submit}
      data-testid="source-form"
      data-mode={editing ? 'edit' : 'add'}
      aria-labelledby={`${ids}-title`}
    >
      <h3 id={`${ids}-title`}>
        {source ? t('sources.editTitle', { name: source.name }) : t('sources.addTitle')}
      </h3>
      {source ? (
        <div className="source-fixed">
          <div className="form-grid">
            <label className="field">
              <span>{t('sources.name')}</span>
              <input
                readOnly
                value={source.name}
                aria-describedby={`${ids}-fixed`}
                data-testid="source-name"
              />
            </label>
            <label className="field">
              <span>{t('sources.type')}</span>
              <input
                readOnly
                value={t(source.type === 'git' ? 'sources.typeGit' : 'sources.typeFolder')}
                aria-describedby={`${ids}-fixed`}
                data-testid="source-type"
              />
            </label>
          </div>
          <small className="muted" id={`${ids}-fixed`}>
            {t('sources.fixed')}
          </small>
        </div>
      ) : (
        <>
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
          <TypeChoice type={type} onChange={setType} />
        </>
      )}
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
            {urlMasked ? <small className="muted">{t('sources.urlMasked')}</small> : null}
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
          max={7 * 24 * 60}
          step={1}
          inputMode="numeric"
          placeholder="60"
          data-testid="source-sync-every"
          {...field('syncEvery')}
        />
        <small className="muted">{t('sources.syncEveryHelp')}</small>
      </label>
      <details
        className="field-group"
        open={filtersOpen}
        onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
      >
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
        <input
          required
          spellCheck={false}
          autoCapitalize="none"
          aria-describedby={editing ? `${ids}-acl-warning` : undefined}
          data-testid="source-acl"
          {...field('acl')}
        />
        <small className="muted">{t('sources.aclHelp')}</small>
      </label>
      {editing ? (
        <div id={`${ids}-acl-warning`} role="status" className="form-warning-region">
          {aclChanged ? (
            <p className="form-warning" data-testid="source-acl-warning">
              {t('sources.aclWarning')}
            </p>
          ) : null}
        </div>
      ) : null}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={syncNow}
          onChange={(event) => setSyncChoice(event.target.checked)}
          data-testid="source-sync-now"
        />
        {t(editing ? 'sources.syncAfterSave' : 'sources.syncAfterAdd')}
      </label>
      <ErrorMessage error={error} />
      <div className="row">
        <button type="submit" className="button-primary" disabled={busy} data-testid="source-submit">
          {t(editing ? 'sources.save' : 'sources.add')}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Folder or git, chosen once: a source's type is fixed after it is added. */
function TypeChoice({ type, onChange }: { type: SourceType; onChange: (type: SourceType) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="field segmented">
      <legend>{t('sources.type')}</legend>
      {(['folder', 'git'] as const).map((option) => (
        <label key={option}>
          <input
            type="radio"
            name="source-type"
            value={option}
            checked={type === option}
            onChange={() => onChange(option)}
            data-testid={`source-type-${option}`}
          />
          {t(option === 'folder' ? 'sources.typeFolder' : 'sources.typeGit')}
        </label>
      ))}
    </fieldset>
  );
}

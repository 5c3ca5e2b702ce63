import { type FormEvent, useState } from 'react';
import type { Role } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../session';
import { ErrorMessage } from '../ui/error-message';

/** A new local account: login name, display name, initial password, role and groups. */
export function UserForm({ onAdded, onCancel }: { onAdded: () => void; onCancel: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('user');
  const [groups, setGroups] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.admin.addUser({
        name: name.trim(),
        password,
        role,
        groups: groups.split(/[\s,]+/).filter(Boolean),
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      });
      onAdded();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form card" onSubmit={submit} data-testid="user-form" aria-labelledby="user-form-title">
      <h3 id="user-form-title">{t('users.addTitle')}</h3>
      <div className="form-grid">
        <label className="field">
          <span>{t('users.name')}</span>
          <input
            required
            autoCapitalize="none"
            spellCheck={false}
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.target.value)}
            data-testid="user-name"
          />
          <small className="muted">{t('users.nameRule')}</small>
        </label>
        <label className="field">
          <span>{t('users.displayName')}</span>
          <input
            value={displayName}
            autoComplete="off"
            onChange={(event) => setDisplayName(event.target.value)}
            data-testid="user-display-name"
          />
        </label>
        <label className="field">
          <span>{t('users.password')}</span>
          <input
            type="password"
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            data-testid="user-password"
          />
        </label>
        <label className="field">
          <span>{t('users.role')}</span>
          <select
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            data-testid="user-role"
          >
            <option value="user">{t('users.roleUser')}</option>
            <option value="admin">{t('users.roleAdmin')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('users.groups')}</span>
          <input
            autoCapitalize="none"
            spellCheck={false}
            placeholder="staff, finance"
            value={groups}
            onChange={(event) => setGroups(event.target.value)}
            data-testid="user-groups"
          />
          <small className="muted">{t('users.groupsHelp')}</small>
        </label>
      </div>
      <ErrorMessage error={error} />
      <div className="row">
        <button type="submit" className="button-primary" disabled={busy} data-testid="user-submit">
          {t('users.add')}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

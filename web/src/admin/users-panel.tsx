import { useState } from 'react';
import type { User } from '../api';
import { useI18n } from '../i18n';
import { useApi, useSession } from '../session';
import { ErrorMessage } from '../ui/error-message';
import { Icon } from '../ui/icons';
import { useLoad } from '../ui/use-load';
import { UserForm } from './user-form';

/** Local accounts and the groups they make up; an account is disabled rather than deleted. */
export function UsersPanel() {
  const api = useApi();
  const { t } = useI18n();
  const { user: me } = useSession();
  const users = useLoad(() => api.admin.users(), [api]);
  const groups = useLoad(() => api.admin.groups(), [api]);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>();

  const setDisabled = async (user: User, disabled: boolean) => {
    setError(undefined);
    try {
      await api.admin.changeUser(user.id, { disabled });
      users.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="users-title" className="panel">
      <div className="panel-header">
        <h2 id="users-title">{t('admin.users')}</h2>
        {adding ? null : (
          <button
            type="button"
            className="button-primary"
            onClick={() => setAdding(true)}
            data-testid="user-add"
          >
            <Icon name="plus" />
            {t('users.addTitle')}
          </button>
        )}
      </div>
      {adding ? (
        <UserForm
          onCancel={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            users.reload();
            groups.reload();
          }}
        />
      ) : null}
      <ErrorMessage error={error ?? users.error} />
      {users.data ? (
        <div className="table-scroll">
          <table className="table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.groups')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <tr key={user.id} data-testid="user-row" className={user.disabled ? 'row-muted' : undefined}>
                  <th scope="row">
                    {user.displayName && user.displayName !== user.name ? (
                      <>
                        {user.displayName} <span className="muted small">{user.name}</span>
                      </>
                    ) : (
                      user.name
                    )}
                  </th>
                  <td>{t(user.role === 'admin' ? 'users.roleAdmin' : 'users.roleUser')}</td>
                  <td>{user.groups.join(', ') || <span className="muted">—</span>}</td>
                  <td>
                    <span className={`status ${user.disabled ? 'status-cancelled' : 'status-succeeded'}`}>
                      {t(user.disabled ? 'users.disabled' : 'users.active')}
                    </span>
                  </td>
                  <td className="actions">
                    {user.id === me.id ? (
                      <span className="muted small">{t('users.you')}</span>
                    ) : (
                      <button
                        type="button"
                        className="button-quiet"
                        onClick={() => void setDisabled(user, !user.disabled)}
                        data-testid={user.disabled ? 'user-enable' : 'user-disable'}
                      >
                        {t(user.disabled ? 'users.enable' : 'users.disable')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : users.loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}

      <h3>{t('groups.title')}</h3>
      <ErrorMessage error={groups.error} />
      {groups.data && groups.data.length === 0 ? <p className="muted">{t('groups.none')}</p> : null}
      {groups.data && groups.data.length > 0 ? (
        <ul className="chips" data-testid="groups-list">
          {groups.data.map((group) => (
            <li key={group.name} className="chip">
              <code>group:{group.name}</code>
              <span className="muted small">{t('groups.members', { count: group.members })}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

import { useI18n } from '../i18n';
import { useApi } from '../session';
import { ErrorMessage } from '../ui/error-message';
import { Icon } from '../ui/icons';
import { useLoad } from '../ui/use-load';
import { BarChart } from './bar-chart';

/** How the assistant is used: questions per day, what it could not answer, how fast, what it knows. */
export function DashboardPanel() {
  const api = useApi();
  const { t, formatNumber } = useI18n();
  const stats = useLoad(() => api.admin.stats(), [api]);
  const data = stats.data;
  const total = data?.questionsPerDay.reduce((sum, entry) => sum + entry.questions, 0) ?? 0;
  const largest = Math.max(1, ...(data?.sources.map((source) => source.chunks) ?? []));

  return (
    <section aria-labelledby="dashboard-title" className="panel" data-testid="dashboard">
      <h2 id="dashboard-title">{t('admin.dashboard')}</h2>
      <ErrorMessage error={stats.error} />
      {data ? (
        <>
          <dl className="stat-cards">
            <div className="stat-card">
              <dt>{t('dashboard.questions30')}</dt>
              <dd data-testid="stat-questions">{formatNumber(total)}</dd>
            </div>
            <div className="stat-card">
              <dt>{t('dashboard.unanswered')}</dt>
              <dd data-testid="stat-unanswered">
                {formatNumber(data.unanswered)}
                {total > 0 ? (
                  <span className="muted small"> · {Math.round((data.unanswered / total) * 100)}%</span>
                ) : null}
              </dd>
            </div>
            <div className="stat-card">
              <dt>{t('dashboard.latency')}</dt>
              <dd data-testid="stat-latency">
                {data.medianLatencyMs === null
                  ? '—'
                  : t('dashboard.seconds', { seconds: (data.medianLatencyMs / 1000).toFixed(1) })}
              </dd>
            </div>
            {data.feedback ? (
              <div className="stat-card">
                <dt>{t('dashboard.feedback')}</dt>
                <dd>
                  <span className="rating rating-up">
                    <Icon name="thumb-up" />
                    <span className="sr-only">{t('feedback.up')}:</span>
                  </span>{' '}
                  {formatNumber(data.feedback.up)}{' '}
                  <span className="rating rating-down">
                    <Icon name="thumb-down" />
                    <span className="sr-only">{t('feedback.down')}:</span>
                  </span>{' '}
                  {formatNumber(data.feedback.down)}
                </dd>
              </div>
            ) : null}
          </dl>
          <BarChart days={data.questionsPerDay} caption={t('dashboard.perDay')} />
          <h3>{t('dashboard.sources')}</h3>
          {data.sources.length === 0 ? (
            <p className="muted">{t('sources.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('sources.name')}</th>
                    <th scope="col" className="numeric">
                      {t('sources.documents')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('sources.chunks')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.sources.map((source) => (
                    <tr key={source.name}>
                      <td className="meter-cell">
                        {source.name}
                        <span className="meter" style={{ width: `${(source.chunks / largest) * 100}%` }} />
                      </td>
                      <td className="numeric">{formatNumber(source.documents)}</td>
                      <td className="numeric">{formatNumber(source.chunks)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : stats.loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </section>
  );
}

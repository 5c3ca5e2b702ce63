import { useI18n } from '../i18n';

/**
 * Questions per day as bars in plain SVG. The chart is a picture for the eye; the same numbers are in a
 * table for screen readers (and in each bar's tooltip).
 */
export function BarChart({
  days,
  caption,
}: {
  days: Array<{ day: string; questions: number }>;
  caption: string;
}) {
  const { t, formatDate } = useI18n();
  const max = Math.max(1, ...days.map((entry) => entry.questions));
  const barWidth = 10;
  const gap = 4;
  const height = 120;
  const width = Math.max(1, days.length) * (barWidth + gap);
  return (
    <figure className="bar-chart" data-testid="questions-chart">
      <figcaption>{caption}</figcaption>
      {days.length === 0 ? (
        <p className="muted">{t('dashboard.noQuestions')}</p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            preserveAspectRatio="none"
            aria-hidden="true"
            focusable="false"
          >
            {days.map((entry, index) => {
              const barHeight =
                entry.questions === 0 ? 1 : Math.max(3, (entry.questions / max) * (height - 4));
              return (
                <rect
                  key={entry.day}
                  x={index * (barWidth + gap) + gap / 2}
                  y={height - barHeight}
                  width={barWidth}
                  height={barHeight}
                  rx={2}
                  className={entry.questions === 0 ? 'bar bar-empty' : 'bar'}
                >
                  <title>{`${formatDate(entry.day, 'day')}: ${entry.questions}`}</title>
                </rect>
              );
            })}
          </svg>
          <div className="bar-chart-axis muted small" aria-hidden="true">
            <span>{formatDate(days[0]?.day ?? '', 'day')}</span>
            <span>{t('dashboard.max', { count: max })}</span>
            <span>{formatDate(days.at(-1)?.day ?? '', 'day')}</span>
          </div>
          <table className="sr-only">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.day')}</th>
                <th scope="col">{t('dashboard.questions')}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((entry) => (
                <tr key={entry.day}>
                  <td>{formatDate(entry.day, 'day')}</td>
                  <td>{entry.questions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}

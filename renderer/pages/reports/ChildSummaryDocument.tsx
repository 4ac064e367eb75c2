import { childSummaryAudienceLabels, type ChildSummarySnapshot } from '../../../shared/schemas/reports.js';
import './child-summary.css';

// A child's progress summary laid out as the A4 page it prints as: the same component shows the
// live preview beside the form and a saved summary, so what was previewed is what prints. It shows
// only the snapshot's words (all written by the core in plain language): nothing is worked out
// here, so a saved summary reopened later shows what was printed then.

const colourClass: Record<string, string> = { Green: 'rag--green', Amber: 'rag--amber', Red: 'rag--red' };

export function ChildSummaryDocument({ summary: s, produced }: { summary: ChildSummarySnapshot; produced?: string | undefined }) {
  const forParents = s.audience === 'parents';
  return (
    <article className="child-summary" aria-labelledby="child-summary-title">
      <header className="child-summary__cover">
        <p className="child-summary__kind">Progress summary</p>
        <h2 id="child-summary-title" className="child-summary__name">
          {s.child.name}
        </h2>
        <p className="child-summary__audience">{childSummaryAudienceLabels[s.audience]}</p>
        <dl className="child-summary__facts">
          <div>
            <dt>Date of birth</dt>
            <dd>{s.child.dateOfBirth}</dd>
          </div>
          <div>
            <dt>Setting</dt>
            <dd>{s.child.settingName}</dd>
          </div>
          <div>
            <dt>Key person</dt>
            <dd>{s.child.keyPersonName ?? 'Not named'}</dd>
          </div>
          {produced && (
            <div>
              <dt>Written</dt>
              <dd>{produced}</dd>
            </div>
          )}
        </dl>
        <p>
          {forParents
            ? `This summary tells you how ${s.child.name} has been getting on with understanding and talking at ${s.child.settingName}, what we have been working on together, and some ideas to try at home.`
            : `This summary is for the setting or school ${s.child.name} is moving on to. It shows how their understanding and talking have developed at ${s.child.settingName}, the targets we worked on, and what has helped.`}
        </p>
      </header>

      {s.note && (
        <section className="child-summary__section" aria-labelledby="cs-note">
          <h3 id="cs-note">{s.child.keyPersonName ? `A note from ${s.child.keyPersonName}` : 'A note from the key person'}</h3>
          <p className="child-summary__note">{s.note}</p>
        </section>
      )}

      <section className="child-summary__section" aria-labelledby="cs-screenings">
        <h3 id="cs-screenings">Understanding and talking over time</h3>
        {s.screenings.length === 0 ? (
          <p>No checks of understanding and talking have been recorded yet.</p>
        ) : (
          <table className="table child-summary__table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">What we found</th>
                <th scope="col">Result</th>
                <th scope="col">What this means</th>
              </tr>
            </thead>
            <tbody>
              {s.screenings.map((row, i) => (
                <tr key={i}>
                  <td className="nowrap">{row.date}</td>
                  <td>{row.workingAt}</td>
                  <td>
                    <span className={`rag ${colourClass[row.colourWord] ?? ''}`}>{row.colourWord}</span>
                  </td>
                  <td>{row.meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="child-summary__section" aria-labelledby="cs-targets">
        <h3 id="cs-targets">Targets and progress</h3>
        {s.targets.length === 0 ? (
          <p>No targets have been set.</p>
        ) : (
          s.targets.map((t, i) => (
            <div className="child-summary__target" key={i}>
              <h4>{t.text}</h4>
              <p>
                Started {t.started}. {t.status.replace(/\.$/, '')}.
              </p>
              {t.reviews.length > 0 && (
                <table className="table child-summary__table">
                  <caption className="visually-hidden">Reviews of this target</caption>
                  <thead>
                    <tr>
                      <th scope="col">Reviewed</th>
                      <th scope="col">Progress</th>
                      <th scope="col">Comments</th>
                    </tr>
                  </thead>
                  <tbody>
                    {t.reviews.map((r, j) => (
                      <tr key={j}>
                        <td className="nowrap">{r.date}</td>
                        <td>{r.progress}</td>
                        <td>{r.note}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          ))
        )}
      </section>

      <section className="child-summary__section" aria-labelledby="cs-home">
        <h3 id="cs-home">{forParents ? 'Ideas to try at home' : 'What helps at home'}</h3>
        {s.atHome.length === 0 ? (
          <p>No ideas for home have been chosen yet.</p>
        ) : (
          <ul className="child-summary__ideas">
            {s.atHome.map((a, i) => (
              <li key={i}>
                <strong>{a.title}.</strong> {a.text}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

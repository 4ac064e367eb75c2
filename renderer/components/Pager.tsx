/** Previous and next page buttons for a long list; shown only when there is more than one page. */
export function Pager({
  page,
  total,
  pageSize,
  onPage,
  labels = ['Previous', 'Next'],
}: {
  page: number;
  total: number;
  pageSize: number;
  onPage: (page: number) => void;
  labels?: readonly [string, string];
}) {
  if (total <= pageSize) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="button button--secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {labels[0]}
      </button>
      <span>
        Page {page + 1} of {Math.ceil(total / pageSize)}
      </span>
      <button type="button" className="button button--secondary" disabled={(page + 1) * pageSize >= total} onClick={() => onPage(page + 1)}>
        {labels[1]}
      </button>
    </nav>
  );
}

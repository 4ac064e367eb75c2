/**
 * "Print or save as PDF": the browser's print dialog, whose destinations include saving as a PDF.
 * Hidden on paper with every other button.
 */
export function PrintButton({ label = 'Print or save as PDF' }: { label?: string }) {
  return (
    <button type="button" className="button button--secondary" onClick={() => window.print()}>
      {label}
    </button>
  );
}

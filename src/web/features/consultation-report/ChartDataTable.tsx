/** The figures a chart draws, as rows under a header row. */
export interface ChartTable {
  head: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

/**
 * A chart's text equivalent: its figures as a table that screen readers read and nobody sees
 * (the canvas itself is only a picture to them). The wrapper is what is hidden: a table grows to
 * its content whatever width it is given, and would widen the page.
 */
export function ChartDataTable({ caption, table }: { caption: string; table: ChartTable }) {
  return (
    <div className="lt-visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

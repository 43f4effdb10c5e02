/** The figures a chart draws, as rows under a header row. */
export interface ChartTable {
  head: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

/**
 * A chart's text equivalent: its figures as a table that screen readers read and nobody sees
 * (the canvas itself is only a picture to them).
 */
export function ChartDataTable({ caption, table }: { caption: string; table: ChartTable }) {
  return (
    <table className="lt-visually-hidden">
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
  );
}

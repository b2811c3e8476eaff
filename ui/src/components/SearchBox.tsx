// The search box: plain words (full-text `filter.search`, URL `q`) or a search expression
// (`assets(query:)`, URL `qx`), whose mistakes the API reports with the column of the bad term: shown
// as a caret under the expression.
import { useState } from 'react';
import { setParams } from '../lib/router';
import { describe } from '../lib/errors';

function badColumn(error: unknown): { col: number; message: string } | null {
  const d = describe(error);
  const m = d?.field === 'query' ? /^column (\d+): (.*)$/s.exec(d.message) : null;
  return m ? { col: Number(m[1]), message: m[2]! } : null;
}

export function SearchBox({ params, error }: { params: URLSearchParams; error: unknown }) {
  const [expr, setExpr] = useState(params.has('qx'));
  const value = params.get(expr ? 'qx' : 'q') ?? '';
  const bad = expr ? badColumn(error) : null;
  return (
    <form role="search" className="searchbox" onSubmit={(e) => e.preventDefault()}>
      <label>
        <span className="sr">Search mode</span>
        <select
          value={expr ? 'query' : 'words'}
          onChange={(e) => {
            const q = e.target.value === 'query';
            setExpr(q);
            setParams(q ? { q: null, qx: value } : { qx: null, q: value });
          }}
        >
          <option value="words">Words</option>
          <option value="query">Query</option>
        </select>
      </label>
      <label>
        <span className="sr">{expr ? 'Search expression' : 'Search'}</span>
        <input
          key={expr ? 'qx' : 'q'}
          type="search"
          className={expr ? 'mono' : undefined}
          placeholder={expr ? 'kind:image tag:brand width>1000 -draft' : 'Search names, alt, title, tags, text…'}
          defaultValue={value}
          aria-invalid={bad ? true : undefined}
          aria-describedby={bad ? 'query-problem' : undefined}
          onChange={(e) => setParams(expr ? { qx: e.target.value } : { q: e.target.value })}
        />
      </label>
      {bad && (
        <p id="query-problem" className="error query-problem" data-column={bad.col}>
          <code aria-hidden="true">{(params.get('qx') ?? '') + '\n' + ' '.repeat(Math.max(0, bad.col - 1)) + '^'}</code>
          <span>Column {bad.col}: {bad.message}</span>
        </p>
      )}
    </form>
  );
}

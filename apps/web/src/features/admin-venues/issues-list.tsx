// The preview's problems: errors block saving, warnings do not.
import type { LayoutIssue } from '@tessera/contracts/layouts';

export const IssuesList = ({ issues }: { issues: LayoutIssue[] }) => {
  if (issues.length === 0) return null;
  return (
    <ul className="space-y-1.5" aria-label="Layout problems" data-testid="layout-issues">
      {issues.map((issue, i) => (
        <li
          key={i}
          className={`rounded-lg px-3 py-2 text-sm ${issue.severity === 'error' ? 'bg-red-50 text-red-800 ring-1 ring-red-200' : 'bg-amber-50 text-amber-900 ring-1 ring-amber-200'}`}
        >
          <span className="font-semibold">
            {issue.severity === 'error' ? 'Error: ' : 'Warning: '}
          </span>
          {issue.message}
        </li>
      ))}
    </ul>
  );
};

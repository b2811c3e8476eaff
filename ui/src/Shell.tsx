import { useSubscription } from 'urql';
import type { Session } from './lib/session';
import { navigate, useLocation } from './lib/router';
import { AssetEventsSubscription } from './ops';
import type { AssetEventsSubscription as AssetEventsSubscriptionResult } from './gql/graphql';
import { Library } from './pages/Library';
import { TokensPage } from './pages/Tokens';
import { WebhooksPage } from './pages/Webhooks';
import { MembersPage, SessionsPage } from './pages/Members';
import { UploadProvider } from './components/Uploads';
import { useLive } from './lib/context';

const nav = [
  { path: '/', label: 'Library' },
  { path: '/trash', label: 'Trash' },
  { path: '/moderation', label: 'Moderation' },
  { path: '/tokens', label: 'Tokens' },
  { path: '/webhooks', label: 'Webhooks' },
  { path: '/members', label: 'Members' },
  { path: '/sessions', label: 'Sessions' },
];

// Events that change which assets a list holds; the others change an asset in place, which the
// normalized cache applies by itself from the event's asset.
const listEvents = new Set(['asset.created', 'asset.deleted', 'asset.restored', 'asset.purged']);

export function Shell({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const { path } = useLocation();
  // Counted in the handler, which sees every event: events arriving together (created, then analyzed)
  // would otherwise leave only the last one to look at.
  const [live] = useSubscription<AssetEventsSubscriptionResult, number>(
    { query: AssetEventsSubscription },
    (count = 0, data) => (listEvents.has(data.assetEvents.event) ? count + 1 : count),
  );
  const reload = live.data ?? 0;
  const connected = useLive() && !live.error;

  let page;
  switch (path) {
    case '/trash':
      page = <Library mode="trash" reload={reload} />;
      break;
    case '/moderation':
      page = <Library mode="moderation" reload={reload} />;
      break;
    case '/tokens':
      page = <TokensPage />;
      break;
    case '/webhooks':
      page = <WebhooksPage />;
      break;
    case '/members':
      page = <MembersPage />;
      break;
    case '/sessions':
      page = <SessionsPage />;
      break;
    default:
      page = <Library mode="library" reload={reload} />;
  }
  return (
    <UploadProvider>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <strong className="brand">Mediagraph</strong>
        <nav aria-label="Pages">
          {nav.map((n) => (
            <a
              key={n.path}
              href={n.path}
              aria-current={path === n.path ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(n.path);
              }}
            >
              {n.label}
            </a>
          ))}
          <a href="/graphiql">GraphiQL</a>
        </nav>
        <span className="who" aria-live="polite">
          <span className={connected ? 'dot on' : 'dot off'} title={connected ? 'live updates on' : 'live updates disconnected'} />
          {session.kind === 'cookie' ? session.member.email ?? 'member' : 'API token'}
        </span>
        <button type="button" onClick={onSignOut}>Sign out</button>
      </header>
      <div id="main" className="page">{page}</div>
    </UploadProvider>
  );
}

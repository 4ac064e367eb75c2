import { useRef } from 'react';
import { Link } from 'react-router';
import { useSession } from '../lib/session.js';

// Who is signed in to this window, in the header: their name and role, and the ways out.

export function AccountMenu() {
  const { me, lock, signOut } = useSession();
  const menu = useRef<HTMLDetailsElement>(null);
  // Closed again after a choice, so it is not left open over the unlock screen or the next page.
  const close = () => menu.current?.removeAttribute('open');
  return (
    <details className="account-menu" ref={menu}>
      <summary>
        <span className="visually-hidden">Signed in as </span>
        {me.displayName} <span className="account-menu__role">({me.roleLabel})</span>
      </summary>
      <ul className="account-menu__list">
        {me.accountId && (
          <li>
            <Link to="/password" onClick={close}>
              Change your password
            </Link>
          </li>
        )}
        {me.accountId && (
          <li>
            <button type="button" className="link-button" onClick={() => (close(), lock())}>
              Lock the screen
            </button>
          </li>
        )}
        <li>
          <button type="button" className="link-button" onClick={() => void signOut()}>
            Sign out
          </button>
        </li>
      </ul>
    </details>
  );
}

import { lazy, Suspense } from 'react';
import { useNavigation } from '../stores/navigation';
import { useAccess } from '../stores/access';
import { mayOpen } from '../access/screen-roles';
import { RoleRefusal } from '../access/RoleRefusal';
import { PayoutsScreen } from './payouts/PayoutsScreen';
import { ScreenFailure } from './ScreenFailure';

// Screens not shown at start load when first opened: the page parses less before it asks for the payout queue.
const CapturesScreen = lazy(() => import('./captures/CapturesScreen').then((m) => ({ default: m.CapturesScreen })));
const TerminalScreen = lazy(() => import('./terminal/TerminalScreen').then((m) => ({ default: m.TerminalScreen })));
const LookupScreen = lazy(() => import('./LookupScreen').then((m) => ({ default: m.LookupScreen })));
const AuditScreen = lazy(() => import('./audit/AuditScreen').then((m) => ({ default: m.AuditScreen })));
const SettingsScreen = lazy(() => import('./settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

export function ScreenView() {
  const screen = useNavigation((s) => s.screen);
  const allowed = useAccess((s) => mayOpen(screen, s.access));
  if (!allowed) return <RoleRefusal screen={screen} />;
  return (
    <ScreenFailure screen={screen}>
      {screen === 'payouts' ? (
        <PayoutsScreen />
      ) : (
        <Suspense fallback={null}>
          {screen === 'captures' && <CapturesScreen />}
          {screen === 'terminal' && <TerminalScreen />}
          {screen === 'lookup' && <LookupScreen />}
          {screen === 'audit' && <AuditScreen />}
          {screen === 'settings' && <SettingsScreen />}
        </Suspense>
      )}
    </ScreenFailure>
  );
}

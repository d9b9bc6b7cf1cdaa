import { useNavigation } from '../stores/navigation';
import { useAccess } from '../stores/access';
import { mayOpen } from '../access/screen-roles';
import { RoleRefusal } from '../access/RoleRefusal';
import { LookupScreen } from './LookupScreen';
import { AuditScreen } from './audit/AuditScreen';
import { TerminalScreen } from './terminal/TerminalScreen';
import { CapturesScreen } from './captures/CapturesScreen';
import { PayoutsScreen } from './payouts/PayoutsScreen';
import { SettingsScreen } from './settings/SettingsScreen';

export function ScreenView() {
  const screen = useNavigation((s) => s.screen);
  const allowed = useAccess((s) => mayOpen(screen, s.access));
  if (!allowed) return <RoleRefusal screen={screen} />;
  switch (screen) {
    case 'payouts':
      return <PayoutsScreen />;
    case 'captures':
      return <CapturesScreen />;
    case 'terminal':
      return <TerminalScreen />;
    case 'lookup':
      return <LookupScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

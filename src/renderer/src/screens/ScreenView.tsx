import { useNavigation } from '../stores/navigation';
import { LookupScreen } from './LookupScreen';
import { AuditPlaceholder } from './QueuePlaceholders';
import { TerminalScreen } from './terminal/TerminalScreen';
import { CapturesScreen } from './captures/CapturesScreen';
import { PayoutsScreen } from './payouts/PayoutsScreen';
import { SettingsScreen } from './settings/SettingsScreen';

export function ScreenView() {
  const screen = useNavigation((s) => s.screen);
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
      return <AuditPlaceholder />;
    case 'settings':
      return <SettingsScreen />;
  }
}

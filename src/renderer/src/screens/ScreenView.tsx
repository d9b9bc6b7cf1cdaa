import { useNavigation } from '../stores/navigation';
import { LookupScreen } from './LookupScreen';
import { AuditPlaceholder, CapturesPlaceholder, PayoutsPlaceholder, TerminalPlaceholder } from './QueuePlaceholders';
import { SettingsScreen } from './settings/SettingsScreen';

export function ScreenView() {
  const screen = useNavigation((s) => s.screen);
  switch (screen) {
    case 'payouts':
      return <PayoutsPlaceholder />;
    case 'captures':
      return <CapturesPlaceholder />;
    case 'terminal':
      return <TerminalPlaceholder />;
    case 'lookup':
      return <LookupScreen />;
    case 'audit':
      return <AuditPlaceholder />;
    case 'settings':
      return <SettingsScreen />;
  }
}

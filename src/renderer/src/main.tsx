// The entry script is only this: the sign-in state and the first queue page are asked for at once, and React, zod
// and the screens are fetched meanwhile (a separate chunk), instead of being parsed and run before the first request.
import './boot/first-requests';
import './styles/app.css';

void import('./app-start');

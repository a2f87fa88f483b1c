import {
  Board20Regular,
  Building20Regular,
  CalendarLtr20Regular,
  ContactCard20Regular,
  DataBarVertical20Regular,
  Delete20Regular,
  Megaphone20Regular,
  Money20Regular,
  PersonAdd20Regular,
  Settings20Regular,
  WeatherSunny20Regular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { ViewId } from './routes';

/** Each view's icon: the navigation shows only these on a medium-wide screen. */
export const VIEW_ICONS: Record<ViewId, ReactElement> = {
  'my-day': <WeatherSunny20Regular />,
  leads: <PersonAdd20Regular />,
  organisations: <Building20Regular />,
  contacts: <ContactCard20Regular />,
  opportunities: <Money20Regular />,
  pipeline: <Board20Regular />,
  campaigns: <Megaphone20Regular />,
  activities: <CalendarLtr20Regular />,
  dashboard: <DataBarVertical20Regular />,
  settings: <Settings20Regular />,
  'recycle-bin': <Delete20Regular />,
};

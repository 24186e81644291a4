import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '@ohjaamo/audit';
import { ClientsModule, RecordModule } from '@ohjaamo/clients';
import { ConsentModule } from '@ohjaamo/consent';
import { EmployersModule } from '@ohjaamo/employers';
import { appDatabaseModule } from '@ohjaamo/db';
import { IdentityModule } from '@ohjaamo/identity';
import { OutboxBacklogMetrics, QUEUE_NAMES } from '@ohjaamo/jobs';
import { OutcomesModule } from '@ohjaamo/outcomes';
import { PlansModule } from '@ohjaamo/plans';
import { VisitsModule } from '@ohjaamo/visits';
import {
  ConfigModule,
  HealthModule,
  I18nModule,
  LoggingModule,
  QueueModule,
} from '@ohjaamo/platform';
import { ADMIN_PAGE_CONTROLLERS } from './admin/admin.controllers';
import { API_V1_CONTROLLERS } from './api-v1/api-v1.controllers';
import { AccessGuard } from './auth/access.guard';
import { CLIENTS_API_CONTROLLERS } from './clients-api/clients-api.controllers';
import {
  CLIENT_RIGHTS_CONTROLLERS,
  CLIENT_RIGHTS_PROVIDERS,
} from './client-rights/client-rights.controllers';
import { CLIENT_PAGE_CONTROLLERS, CLIENT_PAGE_PROVIDERS } from './client-pages/client-pages';
import { CLIENT_FORM_CONTROLLERS, CLIENT_FORM_PROVIDERS } from './client-forms/client-forms.pages';
import { CONSENT_API_CONTROLLERS } from './consent-api/consent-api.controllers';
import { RECORD_API_CONTROLLERS } from './record-api/record-api.controllers';
import { OUTCOMES_API_CONTROLLERS } from './outcomes-api/outcomes-api.controllers';
import { PLANS_API_CONTROLLERS } from './plans-api/plans-api.controllers';
import { PLAN_PAGE_CONTROLLERS, PLAN_PAGE_PROVIDERS } from './plan-pages/plan-pages';
import { EMPLOYERS_API_CONTROLLERS } from './employers-api/employers-api.controllers';
import { EVENT_PAGE_CONTROLLERS, EVENT_PAGE_PROVIDERS } from './event-pages/event-pages';
import { Authenticator } from './auth/authenticator';
import { DESK_PAGE_CONTROLLERS, DESK_PAGE_PROVIDERS } from './desk/desk.pages';
import { HealthController } from './health/health.controller';
import { HomeController } from './home/home.controller';
import { ProfilePageController } from './profile/profile.page.controller';
import { MfaController } from './sign-in/mfa.controller';
import { SignInController } from './sign-in/sign-in.controller';
import { NotificationInbox } from './notifications/notification-inbox';
import { NotificationsApiController } from './notifications/notifications.api.controller';
import { NotificationsPageController } from './notifications/notifications.page.controller';
import { UnreadCountInterceptor } from './notifications/unread-count.interceptor';
import { QueueDashboardPageController } from './queue-dashboard/queue-dashboard.page.controller';
import { REPORT_CONTROLLERS } from './reports/reports.controllers';
import { REPORT_PROVIDERS } from './reports/reports.providers';
import { UiModule } from './ui/ui.module';
import { VISITS_API_CONTROLLERS } from './visits-api/visits-api.controllers';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    I18nModule,
    appDatabaseModule('api'),
    QueueModule.forRoot(QUEUE_NAMES),
    HealthModule,
    AuditModule,
    IdentityModule,
    ClientsModule,
    ConsentModule,
    RecordModule,
    VisitsModule,
    PlansModule,
    OutcomesModule,
    EmployersModule,
    UiModule,
    // Lets tests (and tooling) list every route with its access rule.
    DiscoveryModule,
  ],
  controllers: [
    HealthController,
    SignInController,
    MfaController,
    HomeController,
    ...ADMIN_PAGE_CONTROLLERS,
    ProfilePageController,
    ...API_V1_CONTROLLERS,
    ...CLIENTS_API_CONTROLLERS,
    ...CONSENT_API_CONTROLLERS,
    ...RECORD_API_CONTROLLERS,
    ...VISITS_API_CONTROLLERS,
    ...PLANS_API_CONTROLLERS,
    ...OUTCOMES_API_CONTROLLERS,
    ...EMPLOYERS_API_CONTROLLERS,
    ...EVENT_PAGE_CONTROLLERS,
    ...CLIENT_FORM_CONTROLLERS,
    ...DESK_PAGE_CONTROLLERS,
    NotificationsPageController,
    NotificationsApiController,
    QueueDashboardPageController,
    ...CLIENT_RIGHTS_CONTROLLERS,
    ...CLIENT_PAGE_CONTROLLERS,
    ...PLAN_PAGE_CONTROLLERS,
    ...REPORT_CONTROLLERS,
  ],
  providers: [
    Authenticator,
    { provide: APP_GUARD, useClass: AccessGuard },
    ...DESK_PAGE_PROVIDERS,
    ...EVENT_PAGE_PROVIDERS,
    NotificationInbox,
    { provide: APP_INTERCEPTOR, useClass: UnreadCountInterceptor },
    ...CLIENT_RIGHTS_PROVIDERS,
    ...CLIENT_PAGE_PROVIDERS,
    ...CLIENT_FORM_PROVIDERS,
    ...PLAN_PAGE_PROVIDERS,
    OutboxBacklogMetrics,
    ...REPORT_PROVIDERS,
  ],
})
export class AppModule {}

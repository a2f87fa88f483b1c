// Pipeline CRM in Azure: one storage account (Table Storage and a container of immutable backups, no shared keys), a Key Vault holding the
// bot's secret, two zone-redundant, autoscaled Linux App Service plans running the tab and the bot as Node 22 web apps, each
// with a user-assigned managed identity of its own (both may use the tables and the queue; only the
// bot's may read its secret), and the Azure Bot that connects the bot to Teams. Storage and the vault
// answer only the apps' subnets (service endpoints; docs/deploy.md says why not private endpoints).
// Each web app runs the zip `npm run package:apps` builds, as it is, uploaded with Entra ID: basic
// publishing credentials (FTP and SCM) are off. Each has a `staging` slot to deploy to and swap from.
// Deployed by `arm/deploy` in teamsapp.yml; its outputs become variables in env/.env.<env>.
// Kept to Bicep that the pinned CLI (bicepCliVersion in teamsapp.yml) compiles; see docs/deploy.md.

@minLength(4)
@maxLength(20)
@description('Prefix of every resource name: lowercase letters and digits (teamsapp.yml passes crm + RESOURCE_SUFFIX).')
param resourceBaseName string

@description('Region of everything but the Azure Bot, which is global.')
param location string = resourceGroup().location

@description('App Service plan SKU. Premium v3 (the default, P1v3) spreads instances over availability zones and autoscales; B1 is enough to try the app out (then set zoneRedundant to false and appInstanceCount to 1).')
param webAppSku string = 'P1v3'

@minValue(1)
@maxValue(30)
@description('Instances each plan (tab, bot) starts with and autoscale keeps at least; zone redundancy needs 3 or more.')
param appInstanceCount int = 3

@minValue(1)
@maxValue(30)
@description('Instances autoscale may add up to (CPU above 70% for 10 minutes adds one; below 30% for 20 minutes removes one).')
param maxInstanceCount int = 10

@description('Spread each plan\'s instances over the region\'s availability zones (Premium v3 only, at least 3 instances).')
param zoneRedundant bool = true

@description('A `staging` deployment slot on each app, to deploy to, check, then swap into production (docs/deploy.md). Needs Standard or Premium: set false with B1.')
param stagingSlot bool = true

@description('Put a delete lock on the storage account and the Key Vault: deleting them (or their resource group) fails until the lock is removed.')
param lockResources bool = true

@description('E-mail address the alerts go to (5xx rate, storage throttling); empty → alerts without a recipient (see them in the portal).')
param alertEmail string = ''

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
@description('Storage redundancy. GZRS (three datacenters in the region, copied to the paired region) keeps the tables and the backups through a datacenter or a region outage.')
param storageSku string = 'Standard_GZRS'

@minValue(1)
@maxValue(365)
@description('Days each backup blob stays immutable (time-based retention: nobody, not even an owner, deletes or overwrites it before).')
param backupRetentionDays int = 35

@minValue(0)
@maxValue(168)
@description('Hours between backups of every workspace (BACKUP_EVERY_HOURS); 0 turns them off.')
param backupEveryHours int = 24

@description('Prefix of the table names (TABLE_PREFIX); the apps create their tables at start-up.')
param tablePrefix string = 'crm'

@description('Client id of the Entra app for Teams SSO (aadApp/create).')
param aadAppClientId string

@description('Tenant of the Entra app for Teams SSO.')
param aadAppTenantId string

@description('Client id of the bot\'s Entra app (BOT_ID).')
param botAadAppClientId string

@secure()
@description('Client secret of the bot\'s Entra app (SECRET_BOT_PASSWORD, from env/.env.<env>.user); kept in the Key Vault.')
param botAadAppClientSecret string

@description('Tenant of the bot\'s Entra app: the bot is single-tenant.')
param botTenantId string = subscription().tenantId

@maxLength(42)
param botDisplayName string

@description('The Teams app\'s id (TEAMS_APP_ID): the bot\'s cards link to records as Teams deep links into its tab.')
param teamsAppId string = ''

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot SKU. S1 carries the SLA; Teams is a standard channel, so its messages cost nothing on either.')
param botServiceSku string = 'S1'

// Storage Table Data Contributor: read, write and create tables, no keys, nothing else.
var tableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
// Storage Queue Data Contributor: the outbox relay's wake-up queue in the same account (queue-outbox-signal).
var queueDataContributorRoleId = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
// Storage Blob Data Contributor: the tab writes and lists the backups (on their container only).
var blobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
// Key Vault Secrets User: read secret values, nothing else (assigned on the one secret, not the vault).
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var storageAccountName = 'st${uniqueString(resourceGroup().id, resourceBaseName)}'
var keyVaultName = 'kv${uniqueString(resourceGroup().id, resourceBaseName)}'
var storageAccountUrl = 'https://${storage.name}.table.${environment().suffixes.storage}'
var nodeRuntime = 'NODE|22-lts'
// Built-in (code) images route requests to the port in PORT, 8080 unless set (WEBSITES_PORT is for
// custom containers only). The apps listen on TAB_PORT/BOT_PORT, so both get the same value.
var appPort = '8080'
// The artifact's start command (scripts/deploy/app-artifacts.ts, START_COMMAND), run in wwwroot.
var startCommand = 'node server.js'
// Run from package mounts wwwroot read-only: files the tab keeps (CSV uploads until their import ends)
// go to /home, which App Service persists and shares between instances.
var tabDataDir = '/home/pipeline-crm'
// The apps' outbound subnets (regional virtual network integration: one subnet per plan). Change the ranges
// if they overlap a network you peer this one with.
var vnetAddressPrefix = '10.42.0.0/24'
var tabSubnetPrefix = '10.42.0.0/26'
var botSubnetPrefix = '10.42.0.64/26'
// Behind App Service's front end: one proxy hop, which appends the client to X-Forwarded-For.
var trustProxyHops = '1'

// Each app its own identity, so that the tab cannot read what only the bot needs.
resource tabIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-tab-identity'
  location: location
}

resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-bot-identity'
  location: location
}

// Outbound only: the apps reach storage and the vault from this subnet through service endpoints;
// everything else (Entra, the Bot Connector) leaves as before, since not all traffic is routed here.
resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: '${resourceBaseName}-vnet'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        vnetAddressPrefix
      ]
    }
    subnets: [
      {
        name: 'tab'
        properties: {
          addressPrefix: tabSubnetPrefix
          delegations: [
            {
              name: 'app-service'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
          serviceEndpoints: [
            {
              service: 'Microsoft.Storage'
            }
            {
              service: 'Microsoft.KeyVault'
            }
          ]
        }
      }
      {
        name: 'bot'
        properties: {
          addressPrefix: botSubnetPrefix
          delegations: [
            {
              name: 'app-service'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
          serviceEndpoints: [
            {
              service: 'Microsoft.Storage'
            }
            {
              service: 'Microsoft.KeyVault'
            }
          ]
        }
      }
    ]
  }
}

resource tabSubnet 'Microsoft.Network/virtualNetworks/subnets@2023-11-01' existing = {
  parent: vnet
  name: 'tab'
}

resource botSubnet 'Microsoft.Network/virtualNetworks/subnets@2023-11-01' existing = {
  parent: vnet
  name: 'bot'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Reachable from the apps' subnets only; ARM (provisioning) is not affected.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'None'
      ipRules: []
      virtualNetworkRules: [
        {
          id: tabSubnet.id
          action: 'Allow'
        }
        {
          id: botSubnet.id
          action: 'Allow'
        }
      ]
    }
  }
}

// The outbox is a table written in the same transaction as the change; a queue only wakes the relay.
resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Backups of every workspace (tab server, BACKUP_EVERY_HOURS; `npm run restore` reads them): one
// container whose blobs are immutable for backupRetentionDays, in the geo-redundant account. Deleted
// blobs and containers are kept 7 days more (soft delete).
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource backupContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'crm-backups'
  properties: {
    publicAccess: 'None'
  }
}

resource backupImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  parent: backupContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: backupRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource tabBackups 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(backupContainer.id, tabIdentity.id, blobDataContributorRoleId)
  scope: backupContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributorRoleId)
    principalId: tabIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Both apps create and write the tables, create the outbox relay's wake-up queue and post to it; the
// bot also takes from it. Table and Queue Data Contributor are the narrowest built-in roles for that.
resource tabTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, tabIdentity.id, tableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributorRoleId)
    principalId: tabIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource tabQueues 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, tabIdentity.id, queueDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueDataContributorRoleId)
    principalId: tabIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource botTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, botIdentity.id, tableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributorRoleId)
    principalId: botIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource botQueues 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, botIdentity.id, queueDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueDataContributorRoleId)
    principalId: botIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The bot's client secret, read by App Service through a Key Vault reference with the bot's identity,
// so that it is not stored in the app's settings.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    // A deleted vault (and secret) can be recovered, never purged early: not even an owner can destroy
    // it for 7 days. The name stays reserved that long (docs/deploy.md). Cannot be turned off again.
    softDeleteRetentionInDays: 7
    enablePurgeProtection: true
    // Reachable from the apps' subnets only, where App Service resolves the bot's Key Vault reference;
    // provisioning writes the secret through ARM, which the network rules do not restrict.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'None'
      ipRules: []
      virtualNetworkRules: [
        {
          id: tabSubnet.id
          ignoreMissingVnetServiceEndpoint: false
        }
        {
          id: botSubnet.id
          ignoreMissingVnetServiceEndpoint: false
        }
      ]
    }
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-password'
  properties: {
    value: botAadAppClientSecret
  }
}

// The bot's identity may read this one secret; the tab's has no role on the vault at all.
resource botPasswordReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(botPasswordSecret.id, botIdentity.id, keyVaultSecretsUserRoleId)
  scope: botPasswordSecret
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: botIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The tab and the bot each on a plan of their own: they scale (and fail) apart.
resource tabPlan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-tab-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: appInstanceCount
  }
  properties: {
    reserved: true
    zoneRedundant: zoneRedundant
  }
}

resource botPlan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-bot-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: appInstanceCount
  }
  properties: {
    reserved: true
    zoneRedundant: zoneRedundant
  }
}

// Scale out on CPU, back in when it is quiet; never below appInstanceCount (zone redundancy's minimum).
resource tabAutoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = {
  name: '${resourceBaseName}-tab-autoscale'
  location: location
  properties: {
    enabled: true
    targetResourceUri: tabPlan.id
    profiles: [
      {
        name: 'cpu'
        capacity: {
          minimum: string(appInstanceCount)
          maximum: string(max(appInstanceCount, maxInstanceCount))
          default: string(appInstanceCount)
        }
        rules: [
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: tabPlan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT10M'
              timeAggregation: 'Average'
              operator: 'GreaterThan'
              threshold: 70
            }
            scaleAction: {
              direction: 'Increase'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT10M'
            }
          }
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: tabPlan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT20M'
              timeAggregation: 'Average'
              operator: 'LessThan'
              threshold: 30
            }
            scaleAction: {
              direction: 'Decrease'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT20M'
            }
          }
        ]
      }
    ]
  }
}

resource botAutoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = {
  name: '${resourceBaseName}-bot-autoscale'
  location: location
  properties: {
    enabled: true
    targetResourceUri: botPlan.id
    profiles: [
      {
        name: 'cpu'
        capacity: {
          minimum: string(appInstanceCount)
          maximum: string(max(appInstanceCount, maxInstanceCount))
          default: string(appInstanceCount)
        }
        rules: [
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: botPlan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT10M'
              timeAggregation: 'Average'
              operator: 'GreaterThan'
              threshold: 70
            }
            scaleAction: {
              direction: 'Increase'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT10M'
            }
          }
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: botPlan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT20M'
              timeAggregation: 'Average'
              operator: 'LessThan'
              threshold: 30
            }
            scaleAction: {
              direction: 'Decrease'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT20M'
            }
          }
        ]
      }
    ]
  }
}

// Logs and metrics of both apps land in one Log Analytics workspace, through Application Insights.
resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

var operatorReceiver = {
  name: 'operator'
  emailAddress: alertEmail
  useCommonAlertSchema: true
}

resource alertGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${resourceBaseName}-alerts'
  location: 'global'
  properties: {
    groupShortName: 'crm-alerts'
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : array(operatorReceiver)
  }
}

// More than 10 answers 5xx in 5 minutes on either app (the API answers bad input with 4xx, storage
// busy with 503: each 5xx is worth a look).
resource serverErrorsAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${resourceBaseName}-5xx'
  location: 'global'
  properties: {
    description: 'The tab or the bot answered more than 10 server errors (5xx) in 5 minutes.'
    severity: 2
    enabled: true
    scopes: [
      tabApp.id
      botApp.id
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    targetResourceType: 'Microsoft.Web/sites'
    targetResourceRegion: location
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.MultipleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'http5xx'
          metricName: 'Http5xx'
          metricNamespace: 'Microsoft.Web/sites'
          operator: 'GreaterThan'
          threshold: 10
          timeAggregation: 'Total'
        }
      ]
    }
    actions: [
      {
        actionGroupId: alertGroup.id
      }
    ]
  }
}

// Storage throttling: requests the account refused as over its targets (ServerBusy, 503).
resource throttlingAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${resourceBaseName}-storage-throttling'
  location: 'global'
  properties: {
    description: 'Table Storage refused requests as busy (ServerBusyError) in the last 5 minutes.'
    severity: 2
    enabled: true
    scopes: [
      tableService.id
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'throttled'
          metricName: 'Transactions'
          metricNamespace: 'Microsoft.Storage/storageAccounts/tableServices'
          dimensions: [
            {
              name: 'ResponseType'
              operator: 'Include'
              values: [
                'ServerBusyError'
                'ServerTimeoutError'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Total'
        }
      ]
    }
    actions: [
      {
        actionGroupId: alertGroup.id
      }
    ]
  }
}

// Relay lag: the oldest event waiting for delivery is more than 5 minutes old (the bot reports
// crm.relay.lag through OpenTelemetry; Application Insights keeps it in customMetrics).
resource relayLagAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${resourceBaseName}-relay-lag'
  location: location
  properties: {
    description: 'Teams notifications are more than 5 minutes late (crm.relay.lag).'
    severity: 2
    enabled: true
    scopes: [
      insights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "crm.relay.lag" | summarize lagMs = max(value)'
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'lagMs'
          operator: 'GreaterThan'
          threshold: 300000
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        alertGroup.id
      ]
    }
  }
}

// Deleting the data (or the vault with the bot's secret) takes removing the lock first.
resource storageLock 'Microsoft.Authorization/locks@2020-05-01' = if (lockResources) {
  name: 'do-not-delete-data'
  scope: storage
  properties: {
    level: 'CanNotDelete'
    notes: 'Every CRM record and its backups live here.'
  }
}

resource vaultLock 'Microsoft.Authorization/locks@2020-05-01' = if (lockResources) {
  name: 'do-not-delete-secrets'
  scope: vault
  properties: {
    level: 'CanNotDelete'
    notes: 'The bot\'s client secret.'
  }
}

// Both apps: storage through their managed identity (DefaultAzureCredential picks the user-assigned
// one by AZURE_CLIENT_ID, set per app below), bound to all interfaces behind App Service's front end,
// run from the uploaded zip as it is: no build on the server (the artifact is bundled and
// production-only already).
var commonAppSettings = [
  {
    name: 'HOST'
    value: '0.0.0.0'
  }
  {
    name: 'PORT'
    value: appPort
  }
  {
    name: 'STORAGE_ACCOUNT_URL'
    value: storageAccountUrl
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: insights.properties.ConnectionString
  }
  // App Service's Node.js auto-instrumentation: requests, dependencies (storage calls), exceptions
  // and console logs to Application Insights, without code in the apps.
  {
    name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
    value: '~3'
  }
  {
    name: 'TABLE_PREFIX'
    value: tablePrefix
  }
  {
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'false'
  }
  {
    name: 'WEBSITE_RUN_FROM_PACKAGE'
    value: '1'
  }
]

// The tab's own settings (production and its staging slot run the same).
var tabAppSettings = concat(commonAppSettings, [
  {
    name: 'AZURE_CLIENT_ID'
    value: tabIdentity.properties.clientId
  }
  {
    name: 'TAB_PORT'
    value: appPort
  }
  {
    name: 'TRUST_PROXY'
    value: trustProxyHops
  }
  {
    name: 'AUTH_MODE'
    value: 'entra'
  }
  {
    name: 'AAD_APP_CLIENT_ID'
    value: aadAppClientId
  }
  {
    name: 'AAD_APP_TENANT_ID'
    value: aadAppTenantId
  }
  {
    name: 'DATA_DIR'
    value: tabDataDir
  }
  {
    name: 'BACKUP_EVERY_HOURS'
    value: string(backupEveryHours)
  }
])

// The tab's site configuration, the same in production and in its staging slot.
var tabSiteConfig = {
  // Storage and the vault through the subnet's service endpoints; the rest as before.
  vnetRouteAllEnabled: false
  linuxFxVersion: nodeRuntime
  appCommandLine: startCommand
  alwaysOn: true
  healthCheckPath: '/healthz'
  http20Enabled: true
  minTlsVersion: '1.2'
  ftpsState: 'Disabled'
}

resource tabApp 'Microsoft.Web/sites@2023-12-01' = {
  name: '${resourceBaseName}-tab'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${tabIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: tabPlan.id
    httpsOnly: true
    clientAffinityEnabled: false
    virtualNetworkSubnetId: tabSubnet.id
    siteConfig: union(tabSiteConfig, {
      appSettings: concat(tabAppSettings, tabSwapSettings, [
        slotSetting('production')
      ])
    })
  }
  dependsOn: [
    tabTables
    tabQueues
    tabBackups
  ]
}

// The bot's own settings (production and its staging slot run the same).
var botAppSettings = concat(commonAppSettings, [
  {
    name: 'AZURE_CLIENT_ID'
    value: botIdentity.properties.clientId
  }
  {
    name: 'BOT_PORT'
    value: appPort
  }
  {
    name: 'BOT_ID'
    value: botAadAppClientId
  }
  {
    name: 'BOT_PASSWORD'
    value: '@Microsoft.KeyVault(SecretUri=${botPasswordSecret.properties.secretUriWithVersion})'
  }
  {
    name: 'BOT_TENANT_ID'
    value: botTenantId
  }
  {
    name: 'TAB_ENDPOINT'
    value: 'https://${tabApp.properties.defaultHostName}'
  }
  {
    name: 'TEAMS_APP_ID'
    value: teamsAppId
  }
])

// The bot's site configuration, the same in production and in its staging slot.
var botSiteConfig = {
  // Storage and the vault through the subnet's service endpoints; the rest as before.
  vnetRouteAllEnabled: false
  linuxFxVersion: nodeRuntime
  appCommandLine: startCommand
  alwaysOn: true
  // The one probe open to all. /readyz and /metrics (the relay's counters) answer only with
  // BOT_METRICS_KEY as a bearer token; it is not set here, so in Azure they answer 404.
  healthCheckPath: '/healthz'
  http20Enabled: true
  minTlsVersion: '1.2'
  ftpsState: 'Disabled'
}

resource botApp 'Microsoft.Web/sites@2023-12-01' = {
  name: '${resourceBaseName}-bot'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${botIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: botPlan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references resolve with the bot's identity (the default would be a system one).
    keyVaultReferenceIdentity: botIdentity.id
    virtualNetworkSubnetId: botSubnet.id
    siteConfig: union(botSiteConfig, {
      appSettings: concat(botAppSettings, botSwapSettings, [
        slotSetting('production')
      ])
    })
  }
  dependsOn: [
    botTables
    botQueues
    botPasswordReader
  ]
}

// Deployments upload with Entra ID (the toolkit's zipDeploy and `az webapp deploy` both do); the
// publishing profile's user name and password open nothing.
resource tabFtpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: tabApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource tabScmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: tabApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource botFtpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: botApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource botScmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: botApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// ---- Staging slots (issue 23 item 6) -------------------------------------------------------------
// Each app has a `staging` slot on its own plan: deploy the new zip there, check it on the slot's own
// address, then swap (docs/deploy.md, "Staging and swap"). Before swapping, App Service starts the
// slot on every instance and pings WEBSITE_SWAP_WARMUP_PING_PATH until it answers 200, so the swap
// itself drops no request. Both slots run the same settings against the same storage; only the slot's
// name in its telemetry stays with the slot (sticky), so that production's traces say production.
var stickySettingNames = [
  'OTEL_RESOURCE_ATTRIBUTES'
]

func slotSetting(slot string) object => {
  name: 'OTEL_RESOURCE_ATTRIBUTES'
  value: 'deployment.environment.name=${slot}'
}

// Warm-up before a swap: the tab's readiness reaches storage; the bot's readiness is closed in Azure.
// In both slots (settings that are not sticky travel with the content when slots swap).
var tabSwapSettings = [
  {
    name: 'WEBSITE_SWAP_WARMUP_PING_PATH'
    value: '/readyz'
  }
  {
    name: 'WEBSITE_SWAP_WARMUP_PING_STATUSES'
    value: '200'
  }
]

var botSwapSettings = [
  {
    name: 'WEBSITE_SWAP_WARMUP_PING_PATH'
    value: '/healthz'
  }
  {
    name: 'WEBSITE_SWAP_WARMUP_PING_STATUSES'
    value: '200'
  }
]

resource tabStaging 'Microsoft.Web/sites/slots@2023-12-01' = if (stagingSlot) {
  parent: tabApp
  name: 'staging'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${tabIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: tabPlan.id
    httpsOnly: true
    clientAffinityEnabled: false
    virtualNetworkSubnetId: tabSubnet.id
    siteConfig: union(tabSiteConfig, {
      appSettings: concat(tabAppSettings, tabSwapSettings, [
        slotSetting('staging')
      ])
    })
  }
}

resource botStaging 'Microsoft.Web/sites/slots@2023-12-01' = if (stagingSlot) {
  parent: botApp
  name: 'staging'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${botIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: botPlan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: botIdentity.id
    virtualNetworkSubnetId: botSubnet.id
    siteConfig: union(botSiteConfig, {
      appSettings: concat(botAppSettings, botSwapSettings, [
        slotSetting('staging')
      ])
    })
  }
}

// Which settings stay with their slot through a swap (set on the app, valid for all its slots).
resource tabStickySettings 'Microsoft.Web/sites/config@2023-12-01' = if (stagingSlot) {
  parent: tabApp
  name: 'slotConfigNames'
  properties: {
    appSettingNames: stickySettingNames
  }
}

resource botStickySettings 'Microsoft.Web/sites/config@2023-12-01' = if (stagingSlot) {
  parent: botApp
  name: 'slotConfigNames'
  properties: {
    appSettingNames: stickySettingNames
  }
}

// Deploying to a slot also uses Entra ID only.
resource tabStagingFtpBasicAuth 'Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies@2023-12-01' = if (stagingSlot) {
  parent: tabStaging
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource tabStagingScmBasicAuth 'Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies@2023-12-01' = if (stagingSlot) {
  parent: tabStaging
  name: 'scm'
  properties: {
    allow: false
  }
}

resource botStagingFtpBasicAuth 'Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies@2023-12-01' = if (stagingSlot) {
  parent: botStaging
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource botStagingScmBasicAuth 'Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies@2023-12-01' = if (stagingSlot) {
  parent: botStaging
  name: 'scm'
  properties: {
    allow: false
  }
}
// ---- end of staging slots ----------------------------------------------------------------------

// Multi-tenant bot registrations can no longer be created: the bot's Entra app is single-tenant.
resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppTenantId: botTenantId
    msaAppType: 'SingleTenant'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Upper-case names: arm/deploy writes each output to env/.env.<env> under its upper-cased name.
output TAB_AZURE_APP_SERVICE_RESOURCE_ID string = tabApp.id
output TAB_DOMAIN string = tabApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${tabApp.properties.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = botApp.id
output BOT_DOMAIN string = botApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${botApp.properties.defaultHostName}'
output STORAGE_ACCOUNT_URL string = storageAccountUrl
output TAB_MANAGED_IDENTITY_CLIENT_ID string = tabIdentity.properties.clientId
output BOT_MANAGED_IDENTITY_CLIENT_ID string = botIdentity.properties.clientId

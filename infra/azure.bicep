// Pipeline CRM in Azure: one storage account (Table Storage, no shared keys), one user-assigned
// managed identity that may use its tables and queues and read the bot's secret from a Key Vault, one
// Linux App Service plan running the tab and the bot as two Node 22 web apps, and the Azure Bot that
// connects the bot to Teams. Each web app runs the zip `npm run package:apps` builds, as it is.
// Deployed by `arm/deploy` in teamsapp.yml; its outputs become variables in env/.env.<env>.
// Kept to Bicep that the pinned CLI (bicepCliVersion in teamsapp.yml) compiles; see docs/deploy.md.

@minLength(4)
@maxLength(20)
@description('Prefix of every resource name: lowercase letters and digits (teamsapp.yml passes crm + RESOURCE_SUFFIX).')
param resourceBaseName string

@description('Region of everything but the Azure Bot, which is global.')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 allows up to 3 instances; P0v3 and up allow more. No zone redundancy is set.')
param webAppSku string = 'B1'

@minValue(1)
@maxValue(30)
@description('Instances of each web app (the plan runs both apps on every instance).')
param appInstanceCount int = 1

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

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

@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

// Storage Table Data Contributor: read, write and create tables, no keys, nothing else.
var tableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
// Storage Queue Data Contributor: the outbox relay's wake-up queue in the same account (queue-outbox-signal).
var queueDataContributorRoleId = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
// Key Vault Secrets User: read secret values, nothing else.
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

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
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
  }
}

// The outbox is a table written in the same transaction as the change; a queue only wakes the relay.
resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, tableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, queueDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The bot's client secret, read by App Service through a Key Vault reference with the identity, so
// that it is not stored in the app's settings.
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
    // The name stays reserved while the vault is soft-deleted: shortest retention (docs/deploy.md).
    softDeleteRetentionInDays: 7
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-password'
  properties: {
    value: botAadAppClientSecret
  }
}

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: appInstanceCount
  }
  properties: {
    reserved: true
  }
}

// Both apps: storage through the managed identity (DefaultAzureCredential picks the user-assigned one
// by AZURE_CLIENT_ID), bound to all interfaces behind App Service's front end, run from the uploaded
// zip as it is: no build on the server (the artifact is bundled and production-only already).
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
    name: 'AZURE_CLIENT_ID'
    value: identity.properties.clientId
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

resource tabApp 'Microsoft.Web/sites@2023-12-01' = {
  name: '${resourceBaseName}-tab'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: nodeRuntime
      appCommandLine: startCommand
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(commonAppSettings, [
        {
          name: 'TAB_PORT'
          value: appPort
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
      ])
    }
  }
  dependsOn: [
    tableDataContributor
    queueDataContributor
  ]
}

resource botApp 'Microsoft.Web/sites@2023-12-01' = {
  name: '${resourceBaseName}-bot'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references resolve with the user-assigned identity (the default would be a system one).
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: nodeRuntime
      appCommandLine: startCommand
      alwaysOn: true
      // The one probe open to all. /readyz and /metrics (the relay's counters) answer only with
      // BOT_METRICS_KEY as a bearer token; it is not set here, so in Azure they answer 404.
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(commonAppSettings, [
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
      ])
    }
  }
  dependsOn: [
    tableDataContributor
    queueDataContributor
    vaultSecretsUser
  ]
}

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
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId

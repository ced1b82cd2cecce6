// CallCodes on Azure: the bot jar on a Linux Java SE web app, its client secret in Key Vault, its shared state in
// Blob Storage, Application Insights, and an Azure Bot connected to Microsoft Teams. infra/README.md walks through a deployment from zero.

targetScope = 'resourceGroup'

@minLength(2)
@maxLength(14)
@description('Base of every resource name: lowercase letters, digits and single hyphens, starting with a letter (e.g. callcodes). Web app, key vault and bot names are global, so pick another base name if one is taken.')
param baseName string

@minLength(2)
@maxLength(6)
@description('Environment, the second part of every name (e.g. prod, test).')
param environmentName string

@description('Azure region of everything except the bot, which is global.')
param location string = resourceGroup().location

@minLength(36)
@maxLength(36)
@description('MicrosoftAppId: application (client) ID of the bot\'s single-tenant Microsoft Entra app registration.')
param microsoftAppId string

@description('MicrosoftAppTenantId: tenant of that app registration. Defaults to the tenant of the deployment.')
param microsoftAppTenantId string = tenant().tenantId

@secure()
@description('MicrosoftAppPassword: a client secret of that app registration. It is stored in the key vault only; the web app reads it through a Key Vault reference.')
param microsoftAppPassword string

@description('Name of the bot in the Azure portal (Teams shows the name from the Teams app package).')
param botDisplayName string = 'CallCodes'

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot SKU: F0 (free) or S1 (standard).')
param botSku string = 'F0'

@description('App Service plan SKU. Autoscale needs Standard (S1) or higher, e.g. P0v3, P1v3.')
param appServicePlanSku string = 'P0v3'

@minValue(1)
@maxValue(30)
@description('Fewest instances. Two or more let the health check take a failing instance out of rotation without an outage.')
param minimumInstances int = 1

@minValue(1)
@maxValue(30)
@description('Most instances autoscale may add; at least minimumInstances.')
param maximumInstances int = 3

@minValue(1)
@maxValue(100)
@description('Scale out by one instance when the plan\'s average CPU over 10 minutes is above this percentage.')
param scaleOutCpuPercentage int = 70

@minValue(0)
@maxValue(99)
@description('Scale in by one instance when the plan\'s average CPU over 10 minutes is below this percentage; keep it well under scaleOutCpuPercentage.')
param scaleInCpuPercentage int = 30

@description('JVM options (the JAVA_OPTS app setting, which App Service passes to java). MaxRAMPercentage sizes the heap from the instance\'s memory, so a larger plan needs no change here.')
param javaOpts string = '-XX:MaxRAMPercentage=70.0'

@description('More app settings, e.g. {"CALLCODES_LOG_MESSAGE_TEXT": "false"}. They win over the settings this template writes; settings made by hand in the portal are replaced on every deployment.')
param additionalAppSettings object = {}

@description('Resource ID of an existing Log Analytics workspace for Application Insights; empty creates one.')
param logAnalyticsWorkspaceId string = ''

@minValue(30)
@maxValue(730)
@description('Days a newly created Log Analytics workspace keeps data.')
param logRetentionDays int = 30

@description('Turn on Key Vault purge protection. It cannot be turned off, and a deleted vault then keeps its name for the 90-day retention period.')
param keyVaultPurgeProtection bool = false

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
@description('Redundancy of the storage account that holds team notes, feedback, usage counts and conversation references.')
param storageSku string = 'Standard_LRS'

@description('Tags for every resource.')
param tags object = {}

var prefix = toLower('${baseName}-${environmentName}')
var names = {
  webApp: prefix // the default host name is <webApp>.azurewebsites.net
  plan: '${prefix}-plan'
  autoscale: '${prefix}-autoscale'
  keyVault: '${prefix}-kv'
  appInsights: '${prefix}-appi'
  workspace: '${prefix}-log'
  bot: '${prefix}-bot'
  // Storage account names are global, 3 to 24 lowercase letters and digits: the prefix without hyphens, and a hash
  // of the resource group so two deployments with one base name do not collide.
  storage: take('${replace(prefix, '-', '')}st${uniqueString(resourceGroup().id)}', 24)
}
var storageContainer = 'callcodes'
var microsoftAppType = 'SingleTenant'
var secretName = 'MicrosoftAppPassword'

module monitoring 'modules/monitoring.bicep' = {
  name: '${deployment().name}-monitoring'
  params: {
    appInsightsName: names.appInsights
    workspaceName: names.workspace
    existingWorkspaceId: logAnalyticsWorkspaceId
    retentionInDays: logRetentionDays
    location: location
    tags: tags
  }
}

module appService 'modules/appservice.bicep' = {
  name: '${deployment().name}-appservice'
  params: {
    webAppName: names.webApp
    planName: names.plan
    autoscaleName: names.autoscale
    skuName: appServicePlanSku
    minimumInstances: minimumInstances
    maximumInstances: maximumInstances
    scaleOutCpuPercentage: scaleOutCpuPercentage
    scaleInCpuPercentage: scaleInCpuPercentage
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: '${deployment().name}-keyvault'
  params: {
    name: names.keyVault
    secretName: secretName
    secretValue: microsoftAppPassword
    readerPrincipalId: appService.outputs.principalId
    enablePurgeProtection: keyVaultPurgeProtection
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: '${deployment().name}-storage'
  params: {
    name: names.storage
    containerName: storageContainer
    contributorPrincipalId: appService.outputs.principalId
    skuName: storageSku
    location: location
    tags: tags
  }
}

var messagingEndpoint = 'https://${appService.outputs.defaultHostName}/api/messages'

module bot 'modules/bot.bicep' = {
  name: '${deployment().name}-bot'
  params: {
    name: names.bot
    displayName: botDisplayName
    endpoint: messagingEndpoint
    microsoftAppId: microsoftAppId
    microsoftAppTenantId: microsoftAppTenantId
    microsoftAppType: microsoftAppType
    sku: botSku
    tags: tags
  }
}

resource webApp 'Microsoft.Web/sites@2024-11-01' existing = {
  name: names.webApp
}

var appSettingsFromTemplate = {
  // What the bot reads (dev.callcodes.bot.BotSettings).
  MicrosoftAppId: microsoftAppId
  MicrosoftAppPassword: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.secretUri})'
  MicrosoftAppType: microsoftAppType
  MicrosoftAppTenantId: microsoftAppTenantId
  // The shared state in Blob Storage, reached with the web app's managed identity (dev.callcodes.store.StoreSettings).
  CALLCODES_STORE: 'azure-blob'
  CALLCODES_BLOB_ENDPOINT: storage.outputs.blobEndpoint
  CALLCODES_BLOB_CONTAINER: storage.outputs.containerName
  // App Service attaches the Application Insights Java agent; ~3 is the Linux agent.
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  JAVA_OPTS: javaOpts
  // Stops App Service adding its own -Xmx, which would override MaxRAMPercentage.
  WEBSITE_DISABLE_JAVA_HEAP_CONFIGURATION: 'true'
  // The jar arrives built (az webapp deploy --type jar); there is nothing for App Service to build.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  // Route traffic to a (re)started instance once it reports ready, not on its first HTTP response of any kind.
  WEBSITE_WARMUP_PATH: '/actuator/health/readiness'
  WEBSITE_WARMUP_STATUSES: '200'
  // No PORT, SERVER_PORT or WEBSITES_PORT: on Java SE, App Service sets PORT and SERVER_PORT itself (read-only)
  // and the app listens on PORT (server.port=${PORT:3978}). WEBSITES_PORT is for custom containers.
}

// App settings are their own resource, written after the web app's identity has been granted read access to the
// vault and to the storage container (the references to their outputs order it), so the Key Vault reference can
// resolve on the first start (a new role assignment can still take minutes to
// apply). This resource replaces the whole set each time.
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: webApp
  name: 'appsettings'
  properties: union(appSettingsFromTemplate, additionalAppSettings)
  dependsOn: [
    appService
  ]
}

// Outputs named like the environment variables the bot and the Teams app package build (manifest/) read.
// CALLCODES_PUBLIC_HOST and MicrosoftAppId are shared with manifest/. ARM may change the case of output names when
// it returns them, so read them case-insensitively (infra/README.md, step 3).
output MicrosoftAppId string = microsoftAppId
output MicrosoftAppTenantId string = microsoftAppTenantId
output MicrosoftAppType string = microsoftAppType
output CALLCODES_PUBLIC_HOST string = appService.outputs.defaultHostName

// Azure resource names, for deployments and operations.
output webAppName string = appService.outputs.name
output botName string = bot.outputs.name
output keyVaultName string = keyVault.outputs.name
output storageAccountName string = storage.outputs.name
output CALLCODES_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output CALLCODES_BLOB_CONTAINER string = storage.outputs.containerName
output applicationInsightsName string = monitoring.outputs.name
output messagingEndpoint string = messagingEndpoint

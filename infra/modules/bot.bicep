// The Azure Bot registration: it tells the Bot Framework where the bot listens and which Entra app it is, and
// connects it to Microsoft Teams.

@description('Name of the Azure Bot resource (globally unique).')
param name string

@description('Name shown for the bot in the Azure portal; Teams shows the name from the app package instead.')
param displayName string

@description('HTTPS URL of the bot\'s messaging endpoint, ending in /api/messages.')
param endpoint string

@description('Application (client) ID of the bot\'s Entra app registration.')
param microsoftAppId string

@description('Tenant the app registration lives in.')
param microsoftAppTenantId string

@allowed([
  'SingleTenant'
])
@description('Kind of app registration. New multi-tenant bots can no longer be created, hence SingleTenant only.')
param microsoftAppType string

@description('Azure Bot SKU: F0 (free) or S1 (standard).')
param sku string

@description('Tags for every resource.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    // msaAppId and msaAppTenantId are create-only: pointing the bot at another app registration means deleting it first.
    msaAppId: microsoftAppId
    msaAppTenantId: microsoftAppTenantId
    msaAppType: microsoftAppType
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      // The bot explains call codes in chat; it does not place or answer calls.
      enableCalling: false
    }
  }
}

output name string = bot.name

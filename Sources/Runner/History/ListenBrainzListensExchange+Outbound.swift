import EnrichmentAPI

extension ListenBrainzListensExchange: OutboundExchange {}

import Foundation
import Hummingbird

extension FixtureRoutes {
    /// Last.fm, MusicBrainz, ListenBrainz, Deezer and Odesli, each under the prefix of its `FixtureService`.
    static func addEnrichmentRoutes(
        to router: Router<BasicRequestContext>, options: FixtureServerOptions, state: FixtureServerState,
        catalog: FixtureCatalog, history: FixtureHistory
    ) {
        let served = ServedHistory(history)
        let lastFM = LastFMEndpoint(options: options, state: state, catalog: catalog, history: served)
        // Hummingbird's router ignores a trailing slash, so this answers `/lastfm/2.0/` too.
        router.get(RouterPath("\(FixtureService.lastfm.pathPrefix)/2.0")) { request, _ in
            await lastFM.answer(request).response
        }

        let musicBrainz = MusicBrainzEndpoint(state: state, catalog: catalog)
        let musicBrainzRoot = "\(FixtureService.musicbrainz.pathPrefix)/ws/2"
        router.get(RouterPath("\(musicBrainzRoot)/isrc/:isrc")) { request, context in
            await musicBrainz.isrc(request, isrc: context.parameters.get("isrc") ?? "").response
        }
        router.get(RouterPath("\(musicBrainzRoot)/recording")) { request, _ in
            await musicBrainz.search(request).response
        }
        router.get(RouterPath("\(musicBrainzRoot)/recording/:mbid")) { request, context in
            await musicBrainz.recording(request, mbid: context.parameters.get("mbid") ?? "").response
        }

        let listenBrainz = ListenBrainzEndpoint(options: options, state: state, history: served)
        router.post(RouterPath("\(FixtureService.listenbrainz.pathPrefix)/1/popularity/recording")) { request, _ in
            try await listenBrainz.popularity(request).response
        }
        router.get(RouterPath("\(FixtureService.listenbrainz.pathPrefix)/1/user/:name/listens")) { request, context in
            let name = context.parameters.get("name") ?? ""
            return await listenBrainz.listens(request, user: name.removingPercentEncoding ?? name).response
        }

        let deezer = DeezerEndpoint(catalog: catalog)
        router.get(RouterPath("\(FixtureService.deezer.pathPrefix)/track/:reference")) { _, context in
            deezer.track(reference: context.parameters.get("reference") ?? "").response
        }

        let odesli = OdesliEndpoint(options: options, catalog: catalog)
        router.get(RouterPath("\(FixtureService.odesli.pathPrefix)/v1-alpha.1/links")) { request, _ in
            odesli.links(request).response
        }
    }
}

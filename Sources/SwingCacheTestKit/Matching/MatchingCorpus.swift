import SwingCache

/// Library files as people tag them, each with the answers Spotify's searches give for it and the right track.
///
/// Written before the matcher's rules were tuned (issue 23), from real tagging patterns: clean tags, remaster and
/// compilation releases, featured artists, ISRCs of another version, placeholders, live albums, covers and karaoke
/// twins. About a fifth have no right candidate among the answers. Durations are Spotify's, give or take a VBR
/// rounding; ids are made up.
package enum MatchingCorpus {
    package static let cases: [MatchingCase] = clean + isrcs + placeholders + liveRecordings + noRightCandidate
}

/// One file, what Spotify answers for it, and which candidate is the same recording.
package struct MatchingCase: Sendable {
    /// What the case is about, for the benchmark's list of mistakes.
    package var label: String
    package var file: LocalTrack
    /// The file's explicit flag, when its tags have one.
    package var explicit: Bool?
    /// The answer to `isrc:…`, asked first when the file has an ISRC.
    package var isrcAnswer: [Track]
    /// The answer to the artist-and-title search.
    package var textAnswer: [Track]
    /// The id of the same recording, nil when no candidate is.
    package var truth: String?

    init(
        _ label: String, _ file: LocalTrack, explicit: Bool? = nil, isrcAnswer: [Track] = [], textAnswer: [Track],
        truth: String?
    ) {
        self.label = label
        self.file = file
        self.explicit = explicit
        self.isrcAnswer = isrcAnswer
        self.textAnswer = textAnswer
        self.truth = truth
    }
}

func file(
    _ title: String, _ artists: [String], _ album: String?, _ seconds: Int?, isrc: String? = nil,
    known: [KnownArtist] = []
) -> LocalTrack {
    LocalTrack(
        title: title, artists: artists, album: album, durationSeconds: seconds, isrc: isrc, knownArtists: known)
}

func spotify(
    _ id: String, _ name: String, _ artists: [String], _ album: String, _ seconds: Int, isrc: String? = nil,
    released: String? = nil, explicit: Bool = false
) -> Track {
    Track(
        id: id, name: name, albumName: album, artistNames: artists, isrc: isrc, durationMs: seconds * 1000 + 317,
        explicit: explicit, releaseDate: released)
}

extension MatchingCorpus {
    static let clean: [MatchingCase] = [
        MatchingCase(
            "clean tags", file("Karma Police", ["Radiohead"], "OK Computer", 264),
            textAnswer: [
                spotify("karmaPolice", "Karma Police", ["Radiohead"], "OK Computer", 264, isrc: "GBAYE9700393"),
                spotify("karmaOKNOTOK", "Karma Police", ["Radiohead"], "OK Computer OKNOTOK 1997 2017", 264),
            ], truth: "karmaPolice"),
        MatchingCase(
            "remaster suffix on Spotify",
            file("Wish You Were Here", ["Pink Floyd"], "Wish You Were Here", 334),
            textAnswer: [
                spotify(
                    "wywh", "Wish You Were Here - 2011 Remaster", ["Pink Floyd"], "Wish You Were Here (2011 Remaster)",
                    334),
                spotify("wywhLive", "Wish You Were Here - Live", ["Pink Floyd"], "Pulse (Live)", 318),
            ], truth: "wywh"),
        MatchingCase(
            "song on a compilation", file("Dreams", ["Fleetwood Mac"], "Rumours", 257),
            textAnswer: [
                spotify("dreamsBest", "Dreams - 2004 Remaster", ["Fleetwood Mac"], "50 Years - Don't Stop", 257)
            ], truth: "dreamsBest"),
        MatchingCase(
            "featured artist in the title", file("Stay (feat. Mikky Ekko)", ["Rihanna"], "Unapologetic", 240),
            explicit: false,
            textAnswer: [spotify("stay", "Stay", ["Rihanna", "Mikky Ekko"], "Unapologetic", 240)], truth: "stay"),
        MatchingCase(
            "featured artist in the artist tag",
            file("Umbrella", ["Rihanna feat. JAY-Z"], "Good Girl Gone Bad: Reloaded", 275),
            textAnswer: [
                spotify("umbrella", "Umbrella", ["Rihanna", "JAY-Z"], "Good Girl Gone Bad: Reloaded", 275),
                spotify("umbrellaClean", "Umbrella - Radio Edit", ["Rihanna", "JAY-Z"], "Umbrella", 230),
            ], truth: "umbrella"),
        MatchingCase(
            "accents and ligatures", file("Hoppípolla", ["Sigur Rós"], "Takk...", 268),
            textAnswer: [spotify("hoppipolla", "Hoppípolla", ["Sigur Rós"], "Takk...", 268)], truth: "hoppipolla"),
        MatchingCase(
            "leading The missing", file("Fix You", ["Coldplay"], "X&Y", 295),
            textAnswer: [spotify("fixYou", "Fix You", ["Coldplay"], "X&Y", 295)], truth: "fixYou"),
        MatchingCase(
            "the Beatles without The", file("Come Together", ["Beatles"], "Abbey Road", 259),
            textAnswer: [
                spotify(
                    "comeTogether", "Come Together - Remastered 2009", ["The Beatles"], "Abbey Road (Remastered)", 259),
                spotify(
                    "comeTogether2019", "Come Together - 2019 Mix", ["The Beatles"],
                    "Abbey Road (Super Deluxe Edition)", 259),
            ], truth: "comeTogether"),
        MatchingCase(
            "deluxe edition on the file", file("Rolling in the Deep", ["Adele"], "21 (Deluxe Edition)", 228),
            textAnswer: [spotify("ritd", "Rolling in the Deep", ["Adele"], "21", 228)], truth: "ritd"),
        MatchingCase(
            "VBR rounding a second off", file("Mr. Brightside", ["The Killers"], "Hot Fuss", 223),
            textAnswer: [spotify("brightside", "Mr. Brightside", ["The Killers"], "Hot Fuss", 222)],
            truth: "brightside"),
        MatchingCase(
            "no album tag", file("Smells Like Teen Spirit", ["Nirvana"], nil, 301),
            textAnswer: [
                spotify("slts", "Smells Like Teen Spirit", ["Nirvana"], "Nevermind (Remastered)", 301),
                spotify(
                    "sltsLive", "Smells Like Teen Spirit - Live", ["Nirvana"], "From The Muddy Banks Of The Wishkah",
                    292),
            ], truth: "slts"),
        MatchingCase(
            "Taylor's Version on the file",
            file("Love Story (Taylor's Version)", ["Taylor Swift"], "Fearless (Taylor's Version)", 236),
            textAnswer: [
                spotify(
                    "loveStoryTV", "Love Story (Taylor’s Version)", ["Taylor Swift"], "Fearless (Taylor's Version)", 235
                ),
                spotify("loveStory", "Love Story", ["Taylor Swift"], "Fearless", 235),
            ], truth: "loveStoryTV"),
        MatchingCase(
            "parenthesised words that are the name",
            file("(I Can't Get No) Satisfaction", ["The Rolling Stones"], "Out of Our Heads", 223),
            textAnswer: [
                spotify(
                    "satisfaction", "(I Can't Get No) Satisfaction - Mono Version", ["The Rolling Stones"],
                    "Out Of Our Heads", 222)
            ], truth: "satisfaction"),
        MatchingCase(
            "Japanese title in its own script", file("夜に駆ける", ["YOASOBI"], "THE BOOK", 261),
            textAnswer: [spotify("yoruni", "夜に駆ける", ["YOASOBI"], "THE BOOK", 261)], truth: "yoruni"),
        MatchingCase(
            "explicit and clean twins", file("HUMBLE.", ["Kendrick Lamar"], "DAMN.", 177), explicit: true,
            textAnswer: [
                spotify("humble", "HUMBLE.", ["Kendrick Lamar"], "DAMN.", 177, isrc: "USUM71703085", explicit: true),
                spotify("humbleClean", "HUMBLE.", ["Kendrick Lamar"], "DAMN.", 177, isrc: "USUM71703094"),
            ], truth: "humble"),
        MatchingCase(
            "a one-word title among similar ones", file("Creep", ["Radiohead"], "Pablo Honey", 238),
            textAnswer: [
                spotify("creep", "Creep", ["Radiohead"], "Pablo Honey", 238),
                spotify("creepAcoustic", "Creep - Acoustic", ["Radiohead"], "My Iron Lung", 259),
            ], truth: "creep"),
    ]

    static let isrcs: [MatchingCase] = [
        MatchingCase(
            "right ISRC",
            file("Bad Guy", ["Billie Eilish"], "WHEN WE ALL FALL ASLEEP, WHERE DO WE GO?", 194, isrc: "USUM71900764"),
            isrcAnswer: [
                spotify(
                    "badGuy", "bad guy", ["Billie Eilish"], "WHEN WE ALL FALL ASLEEP, WHERE DO WE GO?", 194,
                    isrc: "USUM71900764")
            ],
            textAnswer: [], truth: "badGuy"),
        MatchingCase(
            "right ISRC, dashed",
            file("Hotel California", ["Eagles"], "Hotel California", 391, isrc: "us-ee1-76-00102"),
            isrcAnswer: [
                spotify(
                    "hotelCalifornia", "Hotel California - 2013 Remaster", ["Eagles"],
                    "Hotel California (2013 Remaster)", 391, isrc: "USEE17600102")
            ],
            textAnswer: [], truth: "hotelCalifornia"),
        MatchingCase(
            "ISRC on album and single",
            file("Blinding Lights", ["The Weeknd"], "After Hours", 200, isrc: "USUG11904206"),
            isrcAnswer: [
                spotify(
                    "blindingSingle", "Blinding Lights", ["The Weeknd"], "Blinding Lights", 200, isrc: "USUG11904206"),
                spotify("blindingAlbum", "Blinding Lights", ["The Weeknd"], "After Hours", 200, isrc: "USUG11904206"),
            ], textAnswer: [], truth: "blindingAlbum"),
        MatchingCase(
            "album ISRC on a radio edit",
            file("Bohemian Rhapsody (Radio Edit)", ["Queen"], "Greatest Hits Radio Edits", 238, isrc: "GBUM71029604"),
            isrcAnswer: [
                spotify(
                    "bohemianAlbum", "Bohemian Rhapsody - Remastered 2011", ["Queen"],
                    "A Night At The Opera (2011 Remaster)", 354, isrc: "GBUM71029604")
            ],
            textAnswer: [
                spotify(
                    "bohemianAlbum", "Bohemian Rhapsody - Remastered 2011", ["Queen"],
                    "A Night At The Opera (2011 Remaster)", 354, isrc: "GBUM71029604"),
                spotify("bohemianLiveAid", "Bohemian Rhapsody - Live Aid", ["Queen"], "Live Aid", 150),
            ], truth: nil),
        MatchingCase(
            "album ISRC on a shorter edit, version only in the length",
            file("November Rain", ["Guns N' Roses"], "Use Your Illusion I", 537, isrc: "USGF19141510"),
            isrcAnswer: [
                spotify(
                    "novemberEdit", "November Rain - Radio Edit", ["Guns N' Roses"], "Greatest Hits", 319,
                    isrc: "USGF19141510")
            ],
            textAnswer: [
                spotify(
                    "novemberRain", "November Rain", ["Guns N' Roses"], "Use Your Illusion I", 537, isrc: "USGF19141511"
                ),
                spotify(
                    "novemberEdit", "November Rain - Radio Edit", ["Guns N' Roses"], "Greatest Hits", 319,
                    isrc: "USGF19141510"),
            ], truth: "novemberRain"),
        MatchingCase(
            "album ISRC on a promo's acoustic take",
            file("Wonderwall (Acoustic)", ["Oasis"], "Wonderwall (Promo)", 232, isrc: "GBBQY9500004"),
            isrcAnswer: [
                spotify(
                    "wonderwall", "Wonderwall - Remastered", ["Oasis"],
                    "(What's The Story) Morning Glory? (Remastered)", 258, isrc: "GBBQY9500004")
            ],
            textAnswer: [
                spotify(
                    "wonderwall", "Wonderwall - Remastered", ["Oasis"],
                    "(What's The Story) Morning Glory? (Remastered)", 258, isrc: "GBBQY9500004"),
                spotify(
                    "wonderwallLive", "Wonderwall - Live at Knebworth, 10 August '96", ["Oasis"],
                    "Knebworth 1996 (Live)", 254),
            ], truth: nil),
        MatchingCase(
            "album ISRC on a live recording",
            file("Hey Jude", ["Paul McCartney"], "Back in the U.S. (Live 2002)", 456, isrc: "GBAYE6800011"),
            isrcAnswer: [
                spotify(
                    "heyJudeBeatles", "Hey Jude - Remastered 2015", ["The Beatles"], "1 (Remastered)", 425,
                    isrc: "GBAYE6800011")
            ],
            textAnswer: [
                spotify("heyJudeMcCartney", "Hey Jude - Live", ["Paul McCartney"], "Back In The U.S. (Live 2002)", 457)
            ], truth: "heyJudeMcCartney"),
        MatchingCase(
            "ISRC of the extended mix on the album version",
            file("Blue (Da Ba Dee)", ["Eiffel 65"], "Europop", 283, isrc: "ITB009900201"),
            isrcAnswer: [
                spotify(
                    "blueRadio", "Blue (Da Ba Dee) - Gabry Ponte Ice Pop Radio", ["Eiffel 65"], "Europop", 220,
                    isrc: "ITB009900201")
            ],
            textAnswer: [
                spotify("blueAlbum", "Blue (Da Ba Dee)", ["Eiffel 65"], "Europop", 283, isrc: "ITB009900210"),
                spotify(
                    "blueRadio", "Blue (Da Ba Dee) - Gabry Ponte Ice Pop Radio", ["Eiffel 65"], "Europop", 220,
                    isrc: "ITB009900201"),
            ], truth: "blueAlbum"),
        MatchingCase(
            "ISRC hit a second off", file("Rolling in the Deep", ["Adele"], "21", 229, isrc: "GBBKS1000335"),
            isrcAnswer: [spotify("ritdIsrc", "Rolling in the Deep", ["Adele"], "21", 228, isrc: "GBBKS1000335")],
            textAnswer: [], truth: "ritdIsrc"),
        MatchingCase(
            "ISRC finds nothing", file("Heroes", ["David Bowie"], "\"Heroes\"", 371, isrc: "USJT19900001"),
            isrcAnswer: [],
            textAnswer: [
                spotify("heroes", "\"Heroes\" - 2017 Remaster", ["David Bowie"], "\"Heroes\" (2017 Remaster)", 371),
                spotify("heroesSingle", "\"Heroes\" - Single Version", ["David Bowie"], "Legacy", 215),
            ], truth: "heroes"),
    ]

    static let placeholders: [MatchingCase] = [
        MatchingCase(
            "a ripped CD with no tags", file("Track 05", ["Unknown Artist"], "Unknown Album", 245),
            textAnswer: [
                spotify("track5", "Track 5", ["Unknown Artist"], "Untitled", 245),
                spotify("track05", "Track 05", ["Kurt Vile"], "Childish Prodigy", 244),
            ], truth: nil),
        MatchingCase(
            "Untitled by an unknown artist", file("Untitled", ["Unknown Artist"], nil, 198),
            textAnswer: [
                spotify("untitled", "Untitled", ["Simple Plan"], "Still Not Getting Any...", 198),
                spotify("untitled2", "Untitled", ["D'Angelo"], "Voodoo", 530),
            ], truth: nil),
        MatchingCase(
            "a real title with only placeholders beside it",
            file("Hallelujah", ["Unknown Artist"], "Unknown Album", 414),
            textAnswer: [
                spotify("hallelujahCohen", "Hallelujah", ["Leonard Cohen"], "Various Positions", 277),
                spotify("hallelujahBuckley", "Hallelujah", ["Jeff Buckley"], "Grace", 414),
                spotify("hallelujahCale", "Hallelujah", ["John Cale"], "Fragments Of A Rainy Season", 255),
            ], truth: nil),
        MatchingCase(
            "French placeholders", file("Piste 3", ["Artiste inconnu"], "Album inconnu", 212),
            textAnswer: [spotify("piste3", "Piste 3", ["Artiste inconnu"], "Album inconnu", 212)], truth: nil),
        MatchingCase(
            "German placeholders", file("Titel 7", ["Unbekannter Künstler"], "Unbekanntes Album", 187),
            textAnswer: [spotify("titel7", "Titel 7", ["Unbekannter Künstler"], "Unbekanntes Album", 187)], truth: nil),
        MatchingCase(
            "Spanish placeholder artist", file("Bésame Mucho", ["Desconocido"], nil, 182),
            textAnswer: [
                spotify("besameDesconocido", "Bésame Mucho", ["Desconocido"], "Boleros de Siempre", 182),
                spotify("besameVelazquez", "Bésame Mucho", ["Consuelo Velázquez"], "Bésame Mucho", 170),
            ], truth: nil),
        MatchingCase(
            "Russian placeholder artist", file("Кино", ["Неизвестный исполнитель"], "Неизвестный альбом", 240),
            textAnswer: [spotify("kino", "Кино", ["Неизвестный исполнитель"], "Сборник", 240)], truth: nil),
        MatchingCase(
            "Chinese placeholder", file("月亮代表我的心", ["未知"], "未知专辑", 209),
            textAnswer: [spotify("moon", "月亮代表我的心", ["未知艺术家"], "经典老歌", 209)], truth: nil),
        MatchingCase(
            "Italian placeholder beside a real artist", file("Volare", ["Sconosciuto"], "Sconosciuto", 212),
            textAnswer: [spotify("volare", "Nel blu dipinto di blu (Volare)", ["Domenico Modugno"], "Volare", 214)],
            truth: nil),
        MatchingCase(
            "placeholder album, real artist", file("Paranoid Android", ["Radiohead"], "Unknown Album", 387),
            textAnswer: [spotify("paranoid", "Paranoid Android", ["Radiohead"], "OK Computer", 387)], truth: "paranoid"),
        MatchingCase(
            "placeholder artist, real album", file("Everlong", ["Unknown Artist"], "The Colour and the Shape", 250),
            textAnswer: [spotify("everlong", "Everlong", ["Foo Fighters"], "The Colour And The Shape", 250)],
            truth: "everlong"),
        MatchingCase(
            "numbered track title on a real album",
            file("Track 1", ["Aphex Twin"], "Selected Ambient Works Volume II", 443),
            textAnswer: [spotify("cliffs", "#1", ["Aphex Twin"], "Selected Ambient Works Volume II", 443)], truth: nil),
    ]

    static let liveRecordings: [MatchingCase] = [
        MatchingCase(
            "plain title on a live album", file("My Generation", ["The Who"], "Live at Leeds", 458),
            textAnswer: [
                spotify(
                    "myGenerationStudio", "My Generation - Stereo Version", ["The Who"],
                    "My Generation (Stereo Version)", 198),
                spotify("myGenerationLeeds", "My Generation - Live At Leeds", ["The Who"], "Live At Leeds", 458),
            ], truth: "myGenerationLeeds"),
        MatchingCase(
            "Unplugged album, plain title", file("About a Girl", ["Nirvana"], "MTV Unplugged in New York", 217),
            textAnswer: [
                spotify("aboutAGirl", "About A Girl", ["Nirvana"], "Bleach", 168),
                spotify(
                    "aboutAGirlUnplugged", "About A Girl (Live On MTV Unplugged, 1993 / Unedited)", ["Nirvana"],
                    "MTV Unplugged In New York", 217),
            ], truth: "aboutAGirlUnplugged"),
        MatchingCase(
            "live album, only the studio take found", file("Comfortably Numb", ["Pink Floyd"], "Pulse (Live)", 384),
            textAnswer: [spotify("numb", "Comfortably Numb", ["Pink Floyd"], "The Wall", 382)], truth: nil),
        MatchingCase(
            "live in a city, plain titles both sides", file("Layla", ["Eric Clapton"], "Unplugged", 279),
            textAnswer: [
                spotify("laylaDerek", "Layla", ["Derek & The Dominos"], "Layla And Other Assorted Love Songs", 424),
                spotify(
                    "laylaUnplugged",
                    "Layla - Acoustic; Live at MTV Unplugged, Bray Film Studios, Windsor, England, UK, 1/16/1992",
                    ["Eric Clapton"], "Unplugged (Deluxe Edition)", 286),
            ], truth: "laylaUnplugged"),
        MatchingCase(
            "studio file, the live take found too", file("Hotel California", ["Eagles"], "Hotel California", 391),
            textAnswer: [
                spotify(
                    "hotelStudio", "Hotel California - 2013 Remaster", ["Eagles"], "Hotel California (2013 Remaster)",
                    391),
                spotify("hotelLive", "Hotel California - Live On MTV, 1994", ["Eagles"], "Hell Freezes Over", 432),
            ], truth: "hotelStudio"),
        MatchingCase(
            "live album, studio take of the same length", file("Jolene", ["Dolly Parton"], "Live and Well", 162),
            textAnswer: [spotify("jolene", "Jolene", ["Dolly Parton"], "Jolene", 161)], truth: nil),
        MatchingCase(
            "concert album named by its venue",
            file("Thunder Road", ["Bruce Springsteen"], "Live at the Hammersmith Odeon, London '75", 354),
            textAnswer: [
                spotify("thunderStudio", "Thunder Road", ["Bruce Springsteen"], "Born To Run", 289),
                spotify(
                    "thunderLive", "Thunder Road - Live at the Hammersmith Odeon, London, UK - November 1975",
                    ["Bruce Springsteen"], "Hammersmith Odeon, London '75", 355),
            ], truth: "thunderLive"),
        MatchingCase(
            "a live title against a studio album track", file("Alive (Live)", ["Pearl Jam"], "Ten (Redux)", 341),
            textAnswer: [spotify("alive", "Alive", ["Pearl Jam"], "Ten", 341)], truth: nil),
        MatchingCase(
            "an album whose name starts with Live is not a live album",
            file("Doll Parts", ["Hole"], "Live Through This", 211),
            textAnswer: [spotify("dollParts", "Doll Parts", ["Hole"], "Live Through This", 211)], truth: "dollParts"),
    ]

    static let noRightCandidate: [MatchingCase] = [
        MatchingCase(
            "a cover only", file("Hurt", ["Nine Inch Nails"], "The Downward Spiral", 374),
            textAnswer: [spotify("hurtCash", "Hurt", ["Johnny Cash"], "American IV: The Man Comes Around", 218)],
            truth: nil),
        MatchingCase(
            "karaoke twins", file("Someone Like You", ["Adele"], "21", 285),
            textAnswer: [
                spotify(
                    "karaoke", "Someone Like You (In the Style of Adele) [Karaoke Version]", ["Ameritz Karaoke Band"],
                    "Karaoke Hits", 285),
                spotify("tribute", "Someone Like You", ["Adele Tribute Band"], "A Tribute To Adele", 284),
            ], truth: nil),
        MatchingCase(
            "a remix only", file("Titanium", ["David Guetta", "Sia"], "Nothing but the Beat", 245),
            textAnswer: [
                spotify(
                    "titaniumRemix", "Titanium (feat. Sia) - Alesso Remix", ["David Guetta", "Sia"],
                    "Titanium (Remixes)", 248)
            ],
            truth: nil),
        MatchingCase(
            "another song by the artist", file("Yellow", ["Coldplay"], "Parachutes", 269),
            textAnswer: [
                spotify("yellowSub", "Yellow Submarine", ["The Beatles"], "Revolver", 160),
                spotify("trouble", "Trouble", ["Coldplay"], "Parachutes", 273),
            ],
            truth: nil),
        MatchingCase(
            "a same-title song by another band", file("Everlong", ["Foo Fighters"], "The Colour and the Shape", 250),
            textAnswer: [spotify("everlongCover", "Everlong", ["Foo Fighters Tribute"], "Everlong", 251)], truth: nil),
        MatchingCase(
            "the demo of a studio file", file("Heart-Shaped Box", ["Nirvana"], "In Utero", 281),
            textAnswer: [spotify("hsbDemo", "Heart-Shaped Box - Demo", ["Nirvana"], "With The Lights Out", 283)],
            truth: nil),
        MatchingCase(
            "an instrumental twin", file("Lose Yourself", ["Eminem"], "8 Mile", 326), explicit: true,
            textAnswer: [spotify("loseInstrumental", "Lose Yourself - Instrumental", ["Eminem"], "8 Mile", 326)],
            truth: nil),
    ]
}

import SwingCache

extension MatchingCorpus {
    /// Names across scripts and spellings (issue 23, class 6), written before its rules: duos credited short and long,
    /// joined credits in one tag, sort names, misspelt artists, Cyrillic, Kanji and Hangul tags against Spotify's Latin
    /// names (with what MusicBrainz knows of the artist when the file's ISRC leads to it), and decoys — another artist
    /// who shares a word or nearly the name — that must not match. The benchmark reports them apart.
    package static let names: [MatchingCase] = duosAndCredits + misspellings + scripts + decoys

    static let duosAndCredits: [MatchingCase] = [
        MatchingCase(
            "duo tagged short, credited long", file("Kiss on My List", ["Hall & Oates"], "Voices", 264),
            textAnswer: [
                spotify("kissOnMyList", "Kiss on My List", ["Daryl Hall & John Oates"], "Voices", 264),
                spotify(
                    "kissLive", "Kiss on My List - Live", ["Daryl Hall & John Oates"], "Live at the Troubadour", 301),
            ], truth: "kissOnMyList"),
        MatchingCase(
            "sort name in the artist tag", file("Something", ["Beatles, The"], "Abbey Road", 182),
            textAnswer: [
                spotify("something", "Something - Remastered 2009", ["The Beatles"], "Abbey Road (Remastered)", 182),
                spotify("somethingSinatra", "Something", ["Frank Sinatra"], "Trilogy: Past Present Future", 213),
            ], truth: "something"),
        MatchingCase(
            "two artists joined in one tag", file("Under Pressure", ["Queen & David Bowie"], "Hot Space", 248),
            textAnswer: [
                spotify(
                    "underPressure", "Under Pressure - Remastered 2011", ["Queen", "David Bowie"],
                    "Hot Space (2011 Remaster)", 248)
            ], truth: "underPressure"),
        MatchingCase(
            "band and leader joined in one tag",
            file("Band on the Run", ["Paul McCartney & Wings"], "Band on the Run", 313),
            textAnswer: [
                spotify(
                    "bandOnTheRun", "Band On The Run - Remastered 2010", ["Paul McCartney", "Wings"],
                    "Band On The Run (Standard)", 313),
                spotify("bandOnTheRunLive", "Band On The Run - Live", ["Paul McCartney"], "Back In The U.S.", 311),
            ], truth: "bandOnTheRun"),
        MatchingCase(
            "three artists in one tag, comma and ampersand",
            file("Get Lucky", ["Daft Punk, Pharrell Williams & Nile Rodgers"], "Random Access Memories", 369),
            textAnswer: [
                spotify(
                    "getLucky", "Get Lucky (feat. Pharrell Williams and Nile Rodgers)",
                    ["Daft Punk", "Pharrell Williams", "Nile Rodgers"], "Random Access Memories", 369),
                spotify(
                    "getLuckyEdit", "Get Lucky (Radio Edit) [feat. Pharrell Williams and Nile Rodgers]",
                    ["Daft Punk", "Pharrell Williams", "Nile Rodgers"], "Get Lucky", 248),
            ], truth: "getLucky"),
        MatchingCase(
            "plus sign for and", file("Dog Days Are Over", ["Florence and the Machine"], "Lungs", 252),
            textAnswer: [spotify("dogDays", "Dog Days Are Over", ["Florence + The Machine"], "Lungs", 252)],
            truth: "dogDays"),
    ]

    static let misspellings: [MatchingCase] = [
        MatchingCase(
            "letter dropped from the band", file("Enter Sandman", ["Metalica"], "Metallica", 331),
            textAnswer: [
                spotify("enterSandman", "Enter Sandman", ["Metallica"], "Metallica (Remastered 2021)", 331),
                spotify("enterSandmanLive", "Enter Sandman - Live", ["Metallica"], "S&M2", 352),
            ], truth: "enterSandman"),
        MatchingCase(
            "spelt as said", file("Halo", ["Beyonse"], "I Am... Sasha Fierce", 261),
            textAnswer: [spotify("halo", "Halo", ["Beyoncé"], "I AM...SASHA FIERCE", 261)], truth: "halo"),
        MatchingCase(
            "letter doubled", file("Smells Like Teen Spirit", ["Nirvanna"], "Nevermind", 301),
            textAnswer: [
                spotify("teenSpirit", "Smells Like Teen Spirit", ["Nirvana"], "Nevermind (Remastered)", 301)
            ], truth: "teenSpirit"),
        MatchingCase(
            "surname misspelt", file("Toxic", ["Britney Speers"], "In the Zone", 199),
            textAnswer: [spotify("toxic", "Toxic", ["Britney Spears"], "In The Zone", 198)], truth: "toxic"),
        MatchingCase(
            "Latin letter inside a Cyrillic name", file("Искала", ["Земфирa"], "Земфира", 229),
            textAnswer: [spotify("iskala", "Искала", ["Земфира"], "Земфира", 229)], truth: "iskala"),
        MatchingCase(
            "short name missing a letter", file("Rolling in the Deep", ["Adel"], "21", 228),
            textAnswer: [spotify("rolling", "Rolling in the Deep", ["Adele"], "21", 228)], truth: "rolling"),
    ]

    static let scripts: [MatchingCase] = [
        MatchingCase(
            "Hangul artist, MusicBrainz knows it as BTS",
            file(
                "Spring Day", ["방탄소년단"], "You Never Walk Alone", 274, isrc: "KRA381700432",
                known: [
                    KnownArtist(
                        name: "BTS", sortName: "BTS",
                        aliases: ["방탄소년단", "Bangtan Boys", "Bangtan Sonyeondan", "防弾少年団"])
                ]),
            textAnswer: [
                spotify("springDay", "Spring Day", ["BTS"], "You Never Walk Alone", 274, isrc: "KRA381700433"),
                spotify("springDayRemix", "Spring Day (Brit Rock Remix)", ["BTS"], "You Never Walk Alone", 281),
            ], truth: "springDay"),
        MatchingCase(
            "Japanese artist, Latin on Spotify",
            file(
                "First Love", ["宇多田ヒカル"], "First Love", 257, isrc: "JPTO09901070",
                known: [
                    KnownArtist(
                        name: "宇多田ヒカル", sortName: "Utada, Hikaru", aliases: ["Utada Hikaru", "Hikaru Utada", "Utada"])
                ]),
            textAnswer: [
                spotify("firstLove", "First Love", ["Hikaru Utada"], "First Love", 257, isrc: "JPTO01400123"),
                spotify("firstLoveCover", "First Love", ["Nikka Costa"], "Everybody Got Their Something", 233),
            ], truth: "firstLove"),
        MatchingCase(
            "Cyrillic band, Latin on Spotify",
            file(
                "Кукушка", ["Кино"], "Чёрный альбом", 396, isrc: "RUA1D9000012",
                known: [KnownArtist(name: "Кино", sortName: "Kino", aliases: ["Kino", "Kino (USSR)"])]),
            textAnswer: [spotify("kukushka", "Кукушка", ["Kino"], "Черный альбом", 396)], truth: "kukushka"),
        MatchingCase(
            "Kanji artist, MusicBrainz's sort name is Latin",
            file(
                "Lemon", ["米津玄師"], "Lemon", 255, isrc: "JPU901800039",
                known: [KnownArtist(name: "米津玄師", sortName: "Yonezu, Kenshi", aliases: ["Kenshi Yonezu"])]),
            textAnswer: [
                spotify("lemon", "Lemon", ["Kenshi Yonezu"], "Lemon", 255),
                spotify("lemonNerd", "Lemon", ["N.E.R.D", "Rihanna"], "NO ONE EVER REALLY DIES", 217),
            ], truth: "lemon"),
        MatchingCase(
            "Hangul artist, nothing known of it", file("Gangnam Style", ["싸이"], "PSY 6甲", 219),
            textAnswer: [
                spotify("gangnam", "Gangnam Style (강남스타일)", ["PSY"], "PSY 6 (Six Rules), Part 1", 219)
            ], truth: "gangnam"),
    ]

    static let decoys: [MatchingCase] = [
        MatchingCase(
            "the son's cover of his father's song",
            file(
                "Your Cheatin' Heart", ["Hank Williams Jr."], "Hank Williams Jr. Sings the Songs of Hank Williams", 158),
            textAnswer: [
                spotify("cheatinHeart", "Your Cheatin' Heart", ["Hank Williams"], "The Very Best Of Hank Williams", 163)
            ], truth: nil),
        MatchingCase(
            "a surname shared, a first name a letter apart", file("Heaven", ["Bryan Adams"], nil, 243),
            textAnswer: [spotify("heavenRyan", "Heaven", ["Ryan Adams"], "Prisoner (B-Sides)", 244)], truth: nil),
        MatchingCase(
            "one member's solo take of the duo's song",
            file("Sara Smile", ["Daryl Hall"], "Live from Daryl's House", 312),
            textAnswer: [
                spotify("saraSmile", "Sara Smile", ["Daryl Hall & John Oates"], "Daryl Hall & John Oates", 187)
            ], truth: nil),
        MatchingCase(
            "what MusicBrainz knows does not make another artist's song the file's",
            file(
                "Lemon", ["米津玄師"], nil, 255, isrc: "JPU901800039",
                known: [KnownArtist(name: "米津玄師", sortName: "Yonezu, Kenshi", aliases: ["Kenshi Yonezu"])]),
            textAnswer: [spotify("lemonNerdOnly", "Lemon", ["N.E.R.D", "Rihanna"], "NO ONE EVER REALLY DIES", 217)],
            truth: nil),
        MatchingCase(
            "a near name in another script is another artist",
            file("Звезда по имени Солнце", ["Кино"], "Звезда по имени Солнце", 225),
            textAnswer: [
                spotify("zvezdaCover", "Звезда по имени Солнце", ["Кипелов"], "Вавилон", 226)
            ], truth: nil),
    ]
}

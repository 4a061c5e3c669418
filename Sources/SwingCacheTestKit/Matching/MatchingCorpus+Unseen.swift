import SwingCache

extension MatchingCorpus {
    /// Cases written after the rules of issue 23 were built, and not tuned to: the benchmark reports them apart, as
    /// a check of how the rules carry over to files they were not written for.
    package static let unseen: [MatchingCase] =
        [
            MatchingCase(
                "clean tags, remaster on Spotify", file("Go Your Own Way", ["Fleetwood Mac"], "Rumours", 223),
                textAnswer: [
                    spotify("goYourOwnWay", "Go Your Own Way - 2004 Remaster", ["Fleetwood Mac"], "Rumours", 223),
                    spotify("goYourOwnWayLive", "Go Your Own Way - Live", ["Fleetwood Mac"], "The Dance", 249),
                ], truth: "goYourOwnWay"),
            MatchingCase(
                "featured artist only on Spotify", file("Under Pressure", ["Queen"], "Hot Space", 248),
                textAnswer: [
                    spotify(
                        "underPressure", "Under Pressure - Remastered 2011", ["Queen", "David Bowie"],
                        "Hot Space (2011 Remaster)", 248)
                ], truth: "underPressure"),
            MatchingCase(
                "right ISRC with the single's length",
                file("Seven Nation Army", ["The White Stripes"], "Elephant", 232, isrc: "USVT10300001"),
                isrcAnswer: [
                    spotify("sna", "Seven Nation Army", ["The White Stripes"], "Elephant", 231, isrc: "USVT10300001")
                ],
                textAnswer: [], truth: "sna"),
            MatchingCase(
                "album ISRC on the single edit",
                file("Stairway to Heaven", ["Led Zeppelin"], "Led Zeppelin IV", 482, isrc: "USAT29900609"),
                isrcAnswer: [
                    spotify(
                        "stairwayEdit", "Stairway to Heaven - Radio Edit", ["Led Zeppelin"], "Mothership", 290,
                        isrc: "USAT29900609")
                ],
                textAnswer: [
                    spotify(
                        "stairway", "Stairway to Heaven - Remaster", ["Led Zeppelin"], "Led Zeppelin IV (Remaster)",
                        482,
                        isrc: "USAT21300959")
                ], truth: "stairway"),
            MatchingCase(
                "acoustic file with the album's ISRC",
                file("Layla (Acoustic)", ["Eric Clapton"], "Layla Sessions", 285, isrc: "USPR37000001"),
                isrcAnswer: [
                    spotify(
                        "laylaElectric", "Layla", ["Derek & The Dominos"], "Layla And Other Assorted Love Songs", 424,
                        isrc: "USPR37000001")
                ],
                textAnswer: [
                    spotify(
                        "laylaElectric", "Layla", ["Derek & The Dominos"], "Layla And Other Assorted Love Songs", 424,
                        isrc: "USPR37000001")
                ],
                truth: nil),
            MatchingCase(
                "an untagged rip with a Spanish placeholder",
                file("Pista 4", ["Artista desconocido"], "Álbum desconocido", 201),
                textAnswer: [spotify("pista4", "Pista 4", ["Various Artists"], "Grandes Éxitos", 201)], truth: nil),
            MatchingCase(
                "Various Artists as the track artist", file("Macarena", ["Various Artists"], nil, 250),
                textAnswer: [
                    spotify("macarena", "Macarena", ["Los Del Rio"], "Macarena", 250),
                    spotify("macarenaRemix", "Macarena - Bayside Boys Remix", ["Los Del Rio"], "Fiesta Macarena", 251),
                ], truth: nil),
            MatchingCase(
                "Various Artists with the real album", file("Macarena", ["Various Artists"], "Macarena Non Stop", 250),
                textAnswer: [spotify("macarenaNonStop", "Macarena", ["Los Del Rio"], "Macarena Non Stop", 250)],
                truth: "macarenaNonStop"),
            MatchingCase(
                "Japanese placeholder artist", file("Lemon", ["不明なアーティスト"], "不明なアルバム", 255),
                textAnswer: [spotify("lemon", "Lemon", ["Kenshi Yonezu"], "Lemon", 255)], truth: nil),
            MatchingCase(
                "a year-named song is a name",
                file("1979", ["The Smashing Pumpkins"], "Mellon Collie and the Infinite Sadness", 266),
                textAnswer: [
                    spotify(
                        "1979", "1979 - Remastered 2012", ["The Smashing Pumpkins"],
                        "Mellon Collie And The Infinite Sadness (Deluxe Edition)", 265)
                ], truth: "1979"),
            MatchingCase(
                "live album in a city", file("Purple Rain", ["Prince"], "Live in Syracuse 1985", 1080),
                textAnswer: [
                    spotify("purpleRain", "Purple Rain", ["Prince"], "Purple Rain", 521),
                    spotify(
                        "purpleRainLive", "Purple Rain - Live in Syracuse, NY, 3/30/1985", ["Prince"],
                        "Prince and the Revolution: Live", 1080),
                ], truth: "purpleRainLive"),
            MatchingCase(
                "studio file against a concert film's take of the same length",
                file("Heroes", ["David Bowie"], "\"Heroes\"", 371),
                textAnswer: [spotify("heroesLive", "\"Heroes\" - Live", ["David Bowie"], "Stage", 371)], truth: nil),
            MatchingCase(
                "in concert album", file("The Boxer", ["Simon & Garfunkel"], "The Concert in Central Park", 318),
                textAnswer: [
                    spotify("boxerStudio", "The Boxer", ["Simon & Garfunkel"], "Bridge Over Troubled Water", 308),
                    spotify(
                        "boxerLive", "The Boxer - Live at Central Park, New York, NY - September 1981",
                        ["Simon & Garfunkel"], "The Concert in Central Park", 318),
                ], truth: "boxerLive"),
            MatchingCase(
                "Unplugged album, only the studio take", file("Tears in Heaven", ["Eric Clapton"], "Unplugged", 276),
                textAnswer: [
                    spotify(
                        "tearsStudio", "Tears in Heaven", ["Eric Clapton"],
                        "Rush (Music From The Motion Picture Soundtrack)", 272)
                ],
                truth: nil),
            MatchingCase(
                "a cover with the same album name", file("Creep", ["Radiohead"], "Pablo Honey", 238),
                textAnswer: [spotify("creepCover", "Creep", ["Scala & Kolacny Brothers"], "Dream On", 289)], truth: nil),
            MatchingCase(
                "sped-up twin", file("Levitating", ["Dua Lipa"], "Future Nostalgia", 203),
                textAnswer: [
                    spotify("levitatingSped", "Levitating - Sped Up", ["Dua Lipa"], "Levitating (Sped Up)", 163),
                    spotify("levitating", "Levitating", ["Dua Lipa"], "Future Nostalgia", 203),
                ], truth: "levitating"),
            MatchingCase(
                "a live file, only a remix found", file("Wake Me Up (Live)", ["Avicii"], "Live at Ultra", 300),
                textAnswer: [
                    spotify("wakeRemix", "Wake Me Up - Avicii Speed Remix", ["Avicii"], "Wake Me Up (Remixes)", 300)
                ],
                truth: nil),
            MatchingCase(
                "ampersand and and", file("Kiss from a Rose", ["Seal"], "Seal", 288),
                textAnswer: [spotify("kiss", "Kiss from a Rose", ["Seal"], "Seal (Deluxe Version)", 288)], truth: "kiss"
            ),
            MatchingCase(
                "two artists joined in one tag",
                file("Islands in the Stream", ["Kenny Rogers & Dolly Parton"], "Eyes That See in the Dark", 251),
                textAnswer: [
                    spotify(
                        "islands", "Islands in the Stream", ["Kenny Rogers", "Dolly Parton"],
                        "Eyes That See In The Dark",
                        251)
                ],
                truth: "islands"),
            MatchingCase(
                "German title with umlauts",
                file("Über sieben Brücken musst du gehn", ["Peter Maffay"], "Revanche", 290),
                textAnswer: [
                    spotify("bruecken", "Über sieben Brücken musst du gehn", ["Peter Maffay"], "Revanche", 290)
                ],
                truth: "bruecken"),
            MatchingCase(
                "numbered title on a real album by a real artist", file("Track 3", ["Sigur Rós"], "( )", 445),
                textAnswer: [spotify("untitled3", "Untitled #3 - Samskeyti", ["Sigur Rós"], "( )", 393)], truth: nil),
            MatchingCase(
                "a song on two compilations, no album tag", file("Africa", ["Toto"], nil, 295),
                textAnswer: [
                    spotify("africa", "Africa", ["TOTO"], "Toto IV", 295, released: "1982-04-08"),
                    spotify("africaHits", "Africa", ["TOTO"], "Greatest Hits", 295, released: "2003-01-01"),
                ], truth: "africa"),
            MatchingCase(
                "K-pop in Hangul against Latin names", file("다이너마이트", ["방탄소년단"], "Dynamite", 199),
                textAnswer: [spotify("dynamite", "Dynamite", ["BTS"], "Dynamite (DayTime Version)", 199)],
                truth: "dynamite"),
            MatchingCase(
                "shortened duo name", file("Rich Girl", ["Hall & Oates"], "Bigger Than Both of Us", 144),
                textAnswer: [
                    spotify("richGirl", "Rich Girl", ["Daryl Hall & John Oates"], "Bigger Than Both of Us", 144)
                ],
                truth: "richGirl"),
            MatchingCase(
                "misspelt artist", file("Gangsta's Paradise", ["Coolio feat. LV"], "Gangsta's Paradise", 240),
                textAnswer: [spotify("gangsta", "Gangsta's Paradise", ["Coolio", "L.V."], "Gangsta's Paradise", 240)],
                truth: "gangsta"),
            MatchingCase(
                "2019 mix beside the original", file("Here Comes the Sun", ["The Beatles"], "Abbey Road", 185),
                textAnswer: [
                    spotify(
                        "sun2009", "Here Comes The Sun - Remastered 2009", ["The Beatles"], "Abbey Road (Remastered)",
                        185,
                        isrc: "GBAYE0601696"),
                    spotify(
                        "sun2019", "Here Comes The Sun - 2019 Mix", ["The Beatles"],
                        "Abbey Road (Super Deluxe Edition)",
                        186, isrc: "GBUM71903834"),
                ], truth: "sun2009"),
            MatchingCase(
                "single version on a single", file("Heartbreak Hotel", ["Elvis Presley"], "Heartbreak Hotel", 128),
                textAnswer: [
                    spotify(
                        "heartbreak", "Heartbreak Hotel", ["Elvis Presley"], "Elvis 30 #1 Hits (Expanded Edition)", 128)
                ],
                truth: "heartbreak"),
            MatchingCase(
                "VBR file read at double length", file("Yesterday", ["The Beatles"], "Help!", 250),
                textAnswer: [
                    spotify("yesterday", "Yesterday - Remastered 2009", ["The Beatles"], "Help! (Remastered)", 125)
                ],
                truth: "yesterday"),
            MatchingCase(
                "hidden track at the end of the CD", file("Endless, Nameless", ["Nirvana"], "Nevermind", 403),
                textAnswer: [spotify("endless", "Endless, Nameless", ["Nirvana"], "Nevermind (Remastered)", 403)],
                truth: "endless"),
            MatchingCase(
                "right ISRC, file tag in lower case",
                file("Take On Me", ["a-ha"], "Hunting High and Low", 225, isrc: "gbaha8500001"),
                isrcAnswer: [
                    spotify("takeOnMe", "Take on Me", ["a-ha"], "Hunting High and Low", 225, isrc: "GBAHA8500001")
                ],
                textAnswer: [], truth: "takeOnMe"),
            MatchingCase(
                "ISRC of the live single on the studio file",
                file("Zombie", ["The Cranberries"], "No Need to Argue", 306, isrc: "IEAAA9400010"),
                isrcAnswer: [
                    spotify(
                        "zombieLive", "Zombie - Live", ["The Cranberries"], "Zombie (Live)", 312, isrc: "IEAAA9400010")
                ],
                textAnswer: [
                    spotify(
                        "zombie", "Zombie", ["The Cranberries"], "No Need To Argue (The Complete Sessions 1994-1995)",
                        306,
                        isrc: "IEAAA9400001")
                ], truth: "zombie"),
            MatchingCase(
                "untitled by a real band on its album",
                file("Untitled", ["Interpol"], "Turn On the Bright Lights", 236),
                textAnswer: [spotify("interpolUntitled", "Untitled", ["Interpol"], "Turn On The Bright Lights", 236)],
                truth: "interpolUntitled"),
            MatchingCase(
                "Portuguese placeholders", file("Faixa 2", ["Artista desconhecido"], "Álbum desconhecido", 180),
                textAnswer: [spotify("faixa2", "Faixa 2", ["Artista Desconhecido"], "Álbum Desconhecido", 180)],
                truth: nil),
            MatchingCase(
                "classical: another orchestra's recording",
                file(
                    "Symphony No. 5 in C Minor, Op. 67: I. Allegro con brio",
                    ["Ludwig van Beethoven", "Berliner Philharmoniker", "Herbert von Karajan"],
                    "Beethoven: Symphony No. 5 (1963)", 448),
                textAnswer: [
                    spotify(
                        "beethovenKleiber", "Symphony No. 5 in C Minor, Op. 67: I. Allegro con brio",
                        ["Ludwig van Beethoven", "Wiener Philharmoniker", "Carlos Kleiber"],
                        "Beethoven: Symphonies Nos. 5 & 7", 447)
                ], truth: nil),
            MatchingCase(
                "classical: the same recording",
                file(
                    "Symphony No. 5 in C Minor, Op. 67: I. Allegro con brio",
                    ["Ludwig van Beethoven", "Wiener Philharmoniker", "Carlos Kleiber"],
                    "Beethoven: Symphonies Nos. 5 & 7",
                    447),
                textAnswer: [
                    spotify(
                        "kleiber", "Symphony No. 5 in C Minor, Op. 67: I. Allegro con brio",
                        ["Ludwig van Beethoven", "Wiener Philharmoniker", "Carlos Kleiber"],
                        "Beethoven: Symphonies Nos. 5 & 7", 447)
                ], truth: "kleiber"),
            MatchingCase(
                "soundtrack credit suffix", file("Let It Go", ["Idina Menzel"], "Frozen", 224),
                textAnswer: [
                    spotify(
                        "letItGo", "Let It Go - From \"Frozen\"/Soundtrack Version", ["Idina Menzel"],
                        "Frozen (Original Motion Picture Soundtrack)", 224)
                ],
                truth: "letItGo"),
            MatchingCase(
                "a tribute band's live set", file("Comfortably Numb", ["Pink Floyd"], "The Wall", 382),
                textAnswer: [
                    spotify("numbTribute", "Comfortably Numb - Live", ["Brit Floyd"], "Live at Red Rocks", 400)
                ],
                truth: nil),
            MatchingCase(
                "same title, other song by the artist", file("Yellow Submarine", ["The Beatles"], "Revolver", 160),
                textAnswer: [
                    spotify(
                        "yellowSubInst", "Yellow Submarine - Instrumental", ["The Beatles"],
                        "Yellow Submarine Songtrack",
                        159)
                ],
                truth: nil),
            MatchingCase(
                "only the acoustic version found", file("Black", ["Pearl Jam"], "Ten", 343),
                textAnswer: [spotify("blackAcoustic", "Black - Acoustic", ["Pearl Jam"], "MTV Unplugged", 330)],
                truth: nil),
            MatchingCase(
                "an explicit file, only the clean twin", file("Lose Yourself", ["Eminem"], "8 Mile", 326),
                explicit: true,
                textAnswer: [spotify("loseClean", "Lose Yourself", ["Eminem"], "Curtain Call: The Hits", 320)],
                truth: nil),
            MatchingCase(
                "clean tags, three results", file("Billie Jean", ["Michael Jackson"], "Thriller", 294),
                textAnswer: [
                    spotify("billieJean", "Billie Jean", ["Michael Jackson"], "Thriller", 294),
                    spotify(
                        "billieJeanDemo", "Billie Jean - Home Demo from 1981", ["Michael Jackson"],
                        "Thriller 25 Super Deluxe Edition", 143),
                    spotify("billieJeanCover", "Billie Jean", ["The Bates"], "Pleasure + Pain", 247),
                ],
                truth: "billieJean"),
            MatchingCase(
                "single artist of a duet", file("Shallow", ["Lady Gaga"], "A Star Is Born Soundtrack", 216),
                textAnswer: [
                    spotify("shallow", "Shallow", ["Lady Gaga", "Bradley Cooper"], "A Star Is Born Soundtrack", 215)
                ],
                truth: "shallow"),
            MatchingCase(
                "feat. in the title on both sides",
                file("Old Town Road (feat. Billy Ray Cyrus)", ["Lil Nas X"], "7 EP", 157),
                textAnswer: [
                    spotify(
                        "otr", "Old Town Road (feat. Billy Ray Cyrus) - Remix", ["Lil Nas X", "Billy Ray Cyrus"],
                        "7 EP",
                        157), spotify("otrOriginal", "Old Town Road", ["Lil Nas X"], "Old Town Road", 113),
                ],
                truth: "otr"),
            MatchingCase(
                "with-credit in the title", file("Perfect Duet (with Beyoncé)", ["Ed Sheeran"], "Perfect Duet", 259),
                textAnswer: [
                    spotify(
                        "perfectDuet", "Perfect Duet (with Beyoncé)", ["Ed Sheeran", "Beyoncé"], "Perfect Duet", 259)
                ],
                truth: "perfectDuet"),
            MatchingCase(
                "French title with accents", file("Non, je ne regrette rien", ["Édith Piaf"], "Padam Padam", 142),
                textAnswer: [spotify("regrette", "Non, je ne regrette rien", ["Edith Piaf"], "Best Of", 142)],
                truth: "regrette"),
            MatchingCase(
                "Cyrillic artist and title", file("Группа крови", ["Кино"], "Группа крови", 286),
                textAnswer: [spotify("gruppa", "Группа крови", ["КИНО"], "Группа крови", 286)],
                truth: "gruppa"),
            MatchingCase(
                "hidden bonus track against the album cut",
                file("Something in the Way", ["Nirvana"], "Nevermind", 1235),
                textAnswer: [spotify("sitw", "Something In The Way", ["Nirvana"], "Nevermind (Remastered)", 232)],
                truth: "sitw"),
            MatchingCase(
                "extended mix file, radio edit found",
                file("Sandstorm (Original Mix)", ["Darude"], "Before the Storm", 443),
                textAnswer: [
                    spotify("sandstormRadio", "Sandstorm - Radio Edit", ["Darude"], "Sandstorm", 225),
                    spotify("sandstorm", "Sandstorm", ["Darude"], "Before the Storm", 443),
                ],
                truth: "sandstorm"),
            MatchingCase(
                "radio edit file", file("Insomnia (Radio Edit)", ["Faithless"], "Insomnia", 215),
                textAnswer: [
                    spotify("insomniaRadio", "Insomnia - Radio Edit", ["Faithless"], "Insomnia", 215),
                    spotify("insomnia", "Insomnia", ["Faithless"], "Reverence", 526),
                ],
                truth: "insomniaRadio"),
            MatchingCase(
                "remix file, original found",
                file("Titanium (Alesso Remix)", ["David Guetta"], "Titanium (Remixes)", 368),
                textAnswer: [
                    spotify(
                        "titaniumOrig", "Titanium (feat. Sia)", ["David Guetta", "Sia"], "Nothing but the Beat", 245)
                ],
                truth: nil),
            MatchingCase(
                "karaoke only for a clean file",
                file("Total Eclipse of the Heart", ["Bonnie Tyler"], "Faster Than the Speed of Night", 420),
                textAnswer: [
                    spotify(
                        "teothKaraoke", "Total Eclipse of the Heart (Karaoke Version)", ["Sing Karaoke"],
                        "Karaoke Classics", 420)
                ],
                truth: nil),
            MatchingCase(
                "instrumental file, vocal found",
                file("Clubbed to Death (Instrumental)", ["Rob Dougan"], "Furious Angels", 450),
                textAnswer: [
                    spotify("clubbed", "Clubbed to Death - Kurayamino Variation", ["Rob Dougan"], "Furious Angels", 450)
                ],
                truth: nil),
            MatchingCase(
                "right ISRC, compilation on Spotify",
                file("Don't Stop Me Now", ["Queen"], "Jazz", 209, isrc: "GBUM71029601"),
                isrcAnswer: [
                    spotify(
                        "dsmn", "Don't Stop Me Now - Remastered 2011", ["Queen"], "Greatest Hits", 209,
                        isrc: "GBUM71029601"
                    )
                ],
                textAnswer: [],
                truth: "dsmn"),
            MatchingCase(
                "ISRC of the demo on the album cut",
                file("Wonderwall", ["Oasis"], "(What's the Story) Morning Glory?", 258, isrc: "GBBQY9500099"),
                isrcAnswer: [
                    spotify(
                        "wonderwallDemo", "Wonderwall - Demo", ["Oasis"], "(What's The Story) Morning Glory? (Deluxe)",
                        256,
                        isrc: "GBBQY9500099")
                ],
                textAnswer: [
                    spotify(
                        "wonderwallAlbum", "Wonderwall - Remastered", ["Oasis"],
                        "(What's The Story) Morning Glory? (Remastered)", 258, isrc: "GBBQY9500006")
                ],
                truth: "wonderwallAlbum"),
            MatchingCase(
                "Dutch placeholder artist", file("Tulpen uit Amsterdam", ["Onbekende artiest"], nil, 160),
                textAnswer: [spotify("tulpen", "Tulpen uit Amsterdam", ["Herman Emmink"], "Tulpen uit Amsterdam", 160)],
                truth: nil),
            MatchingCase(
                "Polish placeholder artist and album", file("Sto lat", ["Nieznany wykonawca"], "Nieznany album", 95),
                textAnswer: [spotify("stoLat", "Sto lat", ["Dzieci"], "Piosenki dla dzieci", 95)],
                truth: nil),
            MatchingCase(
                "Korean placeholder", file("아리랑", ["알 수 없는 아티스트"], "알 수 없는 앨범", 180),
                textAnswer: [spotify("arirang", "아리랑", ["Various Artists"], "Korean Folk Songs", 180)],
                truth: nil),
            MatchingCase(
                "numbered track by a real artist on a real album",
                file("Track 2", ["Boards of Canada"], "Music Has the Right to Children", 322),
                textAnswer: [
                    spotify(
                        "anEagle", "An Eagle In Your Mind", ["Boards of Canada"], "Music Has The Right To Children", 382
                    )
                ],
                truth: nil),
            MatchingCase(
                "live in the title, live on Spotify", file("Hallelujah (Live)", ["Jeff Buckley"], "Live at Sin-é", 576),
                textAnswer: [
                    spotify(
                        "hallelujahLive", "Hallelujah - Live at Sin-é, New York, NY - July/August 1993",
                        ["Jeff Buckley"],
                        "Live at Sin-é (Legacy Edition)", 576),
                    spotify("hallelujahStudio", "Hallelujah", ["Jeff Buckley"], "Grace", 414),
                ],
                truth: "hallelujahLive"),
            MatchingCase(
                "studio file, only a live album take",
                file("Wish You Were Here", ["Pink Floyd"], "Wish You Were Here", 334),
                textAnswer: [spotify("wywhPulse", "Wish You Were Here", ["Pink Floyd"], "Pulse (Live)", 335)],
                truth: nil),
            MatchingCase(
                "album with year and deluxe",
                file("Smells Like Teen Spirit", ["Nirvana"], "Nevermind (20th Anniversary Deluxe Edition)", 301),
                textAnswer: [spotify("slts20", "Smells Like Teen Spirit", ["Nirvana"], "Nevermind (Remastered)", 301)],
                truth: "slts20"),
            MatchingCase(
                "a same-name artist", file("Hurt", ["Christina Aguilera"], "Back to Basics", 243),
                textAnswer: [
                    spotify("hurtNIN", "Hurt", ["Nine Inch Nails"], "The Downward Spiral", 374),
                    spotify("hurtXtina", "Hurt", ["Christina Aguilera"], "Back To Basics", 243),
                ],
                truth: "hurtXtina"),
            MatchingCase(
                "long title with a subtitle in brackets",
                file("Don't Fear the Reaper", ["Blue Öyster Cult"], "Agents of Fortune", 308),
                textAnswer: [
                    spotify("reaper", "(Don't Fear) The Reaper", ["Blue Öyster Cult"], "Agents of Fortune", 308)
                ],
                truth: "reaper"),
            MatchingCase(
                "nothing but remixes for a deep cut", file("Strobe", ["deadmau5"], "For Lack of a Better Name", 637),
                textAnswer: [
                    spotify("strobeEdit", "Strobe - Radio Edit", ["deadmau5"], "Strobe", 210),
                    spotify("strobeRemix", "Strobe - Michael Woods Remix", ["deadmau5"], "Strobe (Remixes)", 460),
                ],
                truth: nil),
            MatchingCase(
                "a parody by another artist", file("Amish Paradise", ["\"Weird Al\" Yankovic"], "Bad Hair Day", 200),
                textAnswer: [
                    spotify("gangstaParody", "Gangsta's Paradise", ["Coolio", "L.V."], "Gangsta's Paradise", 240)
                ],
                truth: nil),
            MatchingCase(
                "a sound-alike cover album", file("Africa", ["Toto"], "Toto IV", 295),
                textAnswer: [spotify("africaWeezer", "Africa", ["Weezer"], "Weezer (Teal Album)", 272)], truth: nil),
        ] + releasesAndVersions

    /// Written after the rules for equivalent releases and version suffixes (issue 23, classes 4 and 5), before
    /// running them.
    static let releasesAndVersions: [MatchingCase] = [
        MatchingCase(
            "alternate take named with \"With\"", file("Wouldn't It Be Nice", ["The Beach Boys"], "Pet Sounds", 153),
            textAnswer: [
                spotify(
                    "niceTake", "Wouldn't It Be Nice - With Long-Lost Guitars", ["The Beach Boys"],
                    "Pet Sounds (50th Anniversary Edition)", 160),
                spotify(
                    "nice", "Wouldn't It Be Nice - Mono / Remastered", ["The Beach Boys"], "Pet Sounds (Mono)", 153),
            ], truth: "nice"),
        MatchingCase(
            "only the alternate take", file("God Only Knows", ["The Beach Boys"], "Pet Sounds", 171),
            textAnswer: [
                spotify(
                    "godTake", "God Only Knows - With Tag", ["The Beach Boys"],
                    "Pet Sounds (50th Anniversary Edition)", 175)
            ], truth: nil),
        MatchingCase(
            "mono and stereo twins", file("Paint It Black", ["The Rolling Stones"], "Aftermath", 202),
            textAnswer: [
                spotify("paintMono", "Paint It, Black - Mono", ["The Rolling Stones"], "Aftermath", 202),
                spotify("paintStereo", "Paint It, Black", ["The Rolling Stones"], "Aftermath", 202),
            ], truth: "paintStereo"),
        MatchingCase(
            "deluxe and standard editions", file("Chandelier", ["Sia"], "1000 Forms of Fear", 216),
            textAnswer: [
                spotify("chandelierDeluxe", "Chandelier", ["Sia"], "1000 Forms of Fear (Deluxe Version)", 216),
                spotify("chandelier", "Chandelier", ["Sia"], "1000 Forms of Fear", 216),
            ], truth: "chandelier"),
        MatchingCase(
            "single and album releases, no album tag", file("Royals", ["Lorde"], nil, 190),
            textAnswer: [
                spotify("royalsAlbum", "Royals", ["Lorde"], "Pure Heroine", 190, released: "2013-09-27"),
                spotify("royalsEP", "Royals", ["Lorde"], "The Love Club EP", 190, released: "2013-03-08"),
            ], truth: "royalsEP"),
        MatchingCase(
            "single version beside the album cut", file("Born to Run", ["Bruce Springsteen"], "Born to Run", 270),
            textAnswer: [
                spotify("btrSingle", "Born to Run - Single Version", ["Bruce Springsteen"], "Greatest Hits", 262),
                spotify("btr", "Born to Run", ["Bruce Springsteen"], "Born To Run", 270),
            ], truth: "btr"),
        MatchingCase(
            "a featured artist the file leaves out", file("Stay With Me", ["Sam Smith"], "In the Lonely Hour", 172),
            textAnswer: [
                spotify(
                    "stayDuet", "Stay With Me (feat. Mary J. Blige)", ["Sam Smith", "Mary J. Blige"], "Stay With Me",
                    173),
                spotify("stay", "Stay With Me", ["Sam Smith"], "In The Lonely Hour", 172),
            ], truth: "stay"),
        MatchingCase(
            "with-credit on both sides", file("Señorita (with Camila Cabello)", ["Shawn Mendes"], "Señorita", 191),
            textAnswer: [spotify("senorita", "Señorita", ["Shawn Mendes", "Camila Cabello"], "Señorita", 191)],
            truth: "senorita"),
        MatchingCase(
            "explicit and clean twins on a compilation", file("Lose Yourself", ["Eminem"], nil, 326),
            textAnswer: [
                spotify(
                    "loseClean", "Lose Yourself", ["Eminem"], "Curtain Call: The Hits", 326, released: "2005-12-06"),
                spotify(
                    "loseExplicit", "Lose Yourself", ["Eminem"], "Curtain Call: The Hits", 326, released: "2005-12-06",
                    explicit: true),
            ], truth: "loseExplicit"),
        MatchingCase(
            "a 2019 mix only", file("Something", ["The Beatles"], "Abbey Road", 182),
            textAnswer: [
                spotify(
                    "something2019", "Something - 2019 Mix", ["The Beatles"], "Abbey Road (Super Deluxe Edition)", 183)
            ], truth: nil),
    ]
}

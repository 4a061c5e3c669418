-- A small SwingMusic library for scripts/demo.sh: SwingMusic's own schema (SwingMusicLibraryBuilder.schema),
-- four tracks whose ISRCs the fixture server knows (each as long as the track that ISRC finds, so the ISRC
-- agrees with the file and makes the match), and a few local plays.
CREATE TABLE track (
    id INTEGER NOT NULL,
    album VARCHAR NOT NULL,
    albumartists VARCHAR NOT NULL,
    albumhash VARCHAR NOT NULL,
    artists VARCHAR NOT NULL,
    bitrate INTEGER NOT NULL,
    copyright VARCHAR,
    date INTEGER,
    disc INTEGER NOT NULL,
    duration INTEGER NOT NULL,
    filepath VARCHAR NOT NULL,
    folder VARCHAR NOT NULL,
    genres VARCHAR,
    last_mod INTEGER NOT NULL,
    title VARCHAR NOT NULL,
    track INTEGER NOT NULL,
    trackhash VARCHAR NOT NULL,
    lastplayed INTEGER NOT NULL,
    playcount INTEGER NOT NULL,
    playduration INTEGER NOT NULL,
    extra JSON,
    PRIMARY KEY (id)
);
CREATE INDEX ix_track_albumhash ON track (albumhash);
CREATE UNIQUE INDEX ix_track_filepath ON track (filepath);
CREATE INDEX ix_track_folder ON track (folder);
CREATE INDEX ix_track_trackhash ON track (trackhash);
CREATE TABLE "user" (
    id INTEGER NOT NULL,
    image VARCHAR,
    password VARCHAR NOT NULL,
    username VARCHAR NOT NULL,
    roles JSON NOT NULL,
    extra JSON,
    PRIMARY KEY (id)
);
CREATE INDEX ix_user_username ON "user" (username);
CREATE TABLE scrobble (
    id INTEGER NOT NULL,
    trackhash VARCHAR NOT NULL,
    duration INTEGER NOT NULL,
    timestamp INTEGER NOT NULL,
    source VARCHAR NOT NULL,
    userid INTEGER NOT NULL,
    extra JSON,
    PRIMARY KEY (id),
    FOREIGN KEY(userid) REFERENCES "user" (id) ON DELETE cascade
);
CREATE INDEX ix_scrobble_trackhash ON scrobble (trackhash);
CREATE INDEX ix_scrobble_userid ON scrobble (userid);

INSERT INTO "user" (id, password, username, roles, extra) VALUES (1, 'not-a-real-hash', 'admin', '["admin"]', '{}');
INSERT INTO track (id, album, albumartists, albumhash, artists, bitrate, date, disc, duration, filepath, folder, genres, last_mod, title, track, trackhash, lastplayed, playcount, playduration, extra) VALUES (1, 'Demo Album', 'Aurora Fields', 'demoalbum1', 'Aurora Fields', 320, 1262304000, 1, 308, '/music/demo/01 First Light.flac', '/music/demo', 'Rock', 1700000000, 'First Light', 1, 'demohash1', 0, 0, 0, '{"isrc": "GBAAA9900101"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('801462fe6f0965a1', 200, 1795575600, 'tr:801462fe6f0965a1', 1, '{"filepath": "/music/demo/01 First Light.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('801462fe6f0965a1', 200, 1795575601, 'tr:801462fe6f0965a1', 1, '{"filepath": "/music/demo/01 First Light.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('801462fe6f0965a1', 200, 1795575602, 'tr:801462fe6f0965a1', 1, '{"filepath": "/music/demo/01 First Light.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('801462fe6f0965a1', 200, 1795575603, 'tr:801462fe6f0965a1', 1, '{"filepath": "/music/demo/01 First Light.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('801462fe6f0965a1', 200, 1795575604, 'tr:801462fe6f0965a1', 1, '{"filepath": "/music/demo/01 First Light.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('801462fe6f0965a1', 200, 1795575605, 'tr:801462fe6f0965a1', 1, '{"filepath": "/music/demo/01 First Light.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('801462fe6f0965a1', 200, 1795575606, 'tr:801462fe6f0965a1', 1, '{"filepath": "/music/demo/01 First Light.flac"}');
INSERT INTO track (id, album, albumartists, albumhash, artists, bitrate, date, disc, duration, filepath, folder, genres, last_mod, title, track, trackhash, lastplayed, playcount, playduration, extra) VALUES (2, 'Demo Album', 'Aurora Fields', 'demoalbum2', 'Aurora Fields', 320, 1262304000, 1, 256, '/music/demo/02 Night Drive.flac', '/music/demo', 'Rock', 1700000000, 'Night Drive', 2, 'demohash2', 0, 0, 0, '{"isrc": "GBAAA9900102"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('5a5bfbd8ddf2e0c8', 200, 1795575600, 'tr:5a5bfbd8ddf2e0c8', 1, '{"filepath": "/music/demo/02 Night Drive.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('5a5bfbd8ddf2e0c8', 200, 1795575601, 'tr:5a5bfbd8ddf2e0c8', 1, '{"filepath": "/music/demo/02 Night Drive.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('5a5bfbd8ddf2e0c8', 200, 1795575602, 'tr:5a5bfbd8ddf2e0c8', 1, '{"filepath": "/music/demo/02 Night Drive.flac"}');
INSERT INTO track (id, album, albumartists, albumhash, artists, bitrate, date, disc, duration, filepath, folder, genres, last_mod, title, track, trackhash, lastplayed, playcount, playduration, extra) VALUES (3, 'Demo Album', 'The Quiet Coast', 'demoalbum3', 'The Quiet Coast', 320, 1262304000, 1, 193, '/music/demo/03 Harbour.flac', '/music/demo', 'Rock', 1700000000, 'Harbour', 3, 'demohash3', 0, 0, 0, '{"isrc": "GBAAA9900103"}');
INSERT INTO track (id, album, albumartists, albumhash, artists, bitrate, date, disc, duration, filepath, folder, genres, last_mod, title, track, trackhash, lastplayed, playcount, playduration, extra) VALUES (4, 'Demo Album', 'The Quiet Coast', 'demoalbum4', 'The Quiet Coast', 320, 1262304000, 1, 294, '/music/demo/04 Paper Moons.flac', '/music/demo', 'Rock', 1700000000, 'Paper Moons', 4, 'demohash4', 0, 0, 0, '{"isrc": "GBAAA9900104"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('332903cad5deb8ee', 200, 1795575600, 'tr:332903cad5deb8ee', 1, '{"filepath": "/music/demo/04 Paper Moons.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('332903cad5deb8ee', 200, 1795575601, 'tr:332903cad5deb8ee', 1, '{"filepath": "/music/demo/04 Paper Moons.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('332903cad5deb8ee', 200, 1795575602, 'tr:332903cad5deb8ee', 1, '{"filepath": "/music/demo/04 Paper Moons.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('332903cad5deb8ee', 200, 1795575603, 'tr:332903cad5deb8ee', 1, '{"filepath": "/music/demo/04 Paper Moons.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('332903cad5deb8ee', 200, 1795575604, 'tr:332903cad5deb8ee', 1, '{"filepath": "/music/demo/04 Paper Moons.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('332903cad5deb8ee', 200, 1795575605, 'tr:332903cad5deb8ee', 1, '{"filepath": "/music/demo/04 Paper Moons.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('332903cad5deb8ee', 200, 1795575606, 'tr:332903cad5deb8ee', 1, '{"filepath": "/music/demo/04 Paper Moons.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('332903cad5deb8ee', 200, 1795575607, 'tr:332903cad5deb8ee', 1, '{"filepath": "/music/demo/04 Paper Moons.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('332903cad5deb8ee', 200, 1795575608, 'tr:332903cad5deb8ee', 1, '{"filepath": "/music/demo/04 Paper Moons.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('332903cad5deb8ee', 200, 1795575609, 'tr:332903cad5deb8ee', 1, '{"filepath": "/music/demo/04 Paper Moons.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('332903cad5deb8ee', 200, 1795575610, 'tr:332903cad5deb8ee', 1, '{"filepath": "/music/demo/04 Paper Moons.flac"}');
INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('332903cad5deb8ee', 200, 1795575611, 'tr:332903cad5deb8ee', 1, '{"filepath": "/music/demo/04 Paper Moons.flac"}');

namespace TriggerLang.Runtime.Tests;

/// <summary>Input for the examples that ship no events file, after the scenarios of their `test` blocks.</summary>
internal static class Inputs
{
    public static readonly string[] Onboarding =
    [
        """{"type":"user","id":"u1","attributes":{"first_name":"Maya","timezone":"Europe/Paris","email":"maya@example.com","push_token":"tok-u1"}}""",
        """{"type":"user","id":"u2","attributes":{"timezone":"Europe/Paris","email":"max@example.com","push_token":"tok-u2"}}""",
        """{"type":"user","id":"u3","attributes":{"timezone":"Europe/Paris","push_token":"tok-u3"}}""",
        """{"type":"user","id":"u4","attributes":{"timezone":"America/New_York","email":"sam@example.com"},"subscriptions":{"push":false}}""",
        """{"type":"event","id":"s1","name":"signup","user":"u1","time":"2026-12-01T10:00:00Z","properties":{"plan":"free"}}""",
        """{"type":"event","id":"s2","name":"signup","user":"u2","time":"2026-12-01T11:00:00Z","properties":{"plan":"pro","source":"newsletter"}}""",
        """{"type":"event","id":"s4","name":"signup","user":"u4","time":"2026-12-01T13:00:00Z","properties":{"plan":"free"}}""",
        """{"type":"event","id":"o2","name":"message_opened","user":"u2","time":"2026-12-02T08:00:00Z","properties":{"rule":"welcome","channel":"email"}}""",
        """{"type":"event","id":"p1","name":"price_dropped","user":"u3","time":"2026-12-02T09:00:00Z","properties":{"wine_id":"w1","wine":"Barolo","old_price":40,"new_price":30}}""",
        """{"type":"event","id":"p2","name":"price_dropped","user":"u3","time":"2026-12-02T21:00:00Z","properties":{"wine_id":"w1","wine":"Barolo","old_price":30,"new_price":25}}""",
        """{"type":"event","id":"r1","name":"wine_restocked","user":"u3","time":"2026-12-03T09:00:00Z","properties":{"wine_id":"w2","wine":"Rioja"}}""",
        """{"type":"event","id":"r2","name":"wine_restocked","user":"u3","time":"2026-12-03T09:05:00Z","properties":{"wine_id":"w3","wine":"Chablis"}}""",
        """{"type":"event","id":"r3","name":"wine_restocked","user":"u3","time":"2026-12-03T09:10:00Z","properties":{"wine_id":"w4","wine":"Sancerre"}}""",
        """{"type":"event","id":"c1","name":"profile_completed","user":"u4","time":"2026-12-03T12:00:00Z","properties":{}}""",
        """{"type":"event","id":"p3","name":"price_dropped","user":"u3","time":"2026-12-10T09:00:00Z","properties":{"wine_id":"w1","wine":"Barolo","old_price":25,"new_price":20}}""",
    ];

    public static readonly string[] FollowersDigest =
    [
        """{"type":"user","id":"u1","attributes":{"timezone":"Europe/Paris","email":"ana@example.com","push_token":"tok-u1","first_name":"Ana"}}""",
        """{"type":"user","id":"u2","attributes":{"timezone":"Europe/Paris","email":"ben@example.com","push_token":"tok-u2","first_name":"Ben"}}""",
        """{"type":"user","id":"u3","attributes":{"timezone":"America/New_York","email":"cy@example.com"}}""",
        """{"type":"user","id":"u4","attributes":{"timezone":"Europe/Paris","push_token":"tok-u4"}}""",
        """{"type":"follow","follower":"u2","followee":"u1","time":"2026-11-30T08:00:00Z"}""",
        """{"type":"follow","follower":"u3","followee":"u1","time":"2026-11-30T08:00:00Z"}""",
        """{"type":"event","id":"l1","name":"review_liked","user":"u1","time":"2026-12-01T08:00:00Z","properties":{"actor":"u2","actor_name":"Ben","review_id":"r1","wine":"Barolo 2019"}}""",
        """{"type":"event","id":"l2","name":"review_liked","user":"u1","time":"2026-12-01T12:00:00Z","properties":{"actor":"u1","actor_name":"Ana","review_id":"r1","wine":"Barolo 2019"}}""",
        """{"type":"event","id":"l3","name":"review_liked","user":"u1","time":"2026-12-01T16:30:00Z","properties":{"actor":"u3","actor_name":"Cy","review_id":"r3","wine":"Chablis 2022"}}""",
        """{"type":"event","id":"l4","name":"review_liked","user":"u1","time":"2026-12-01T17:30:00Z","properties":{"actor":"u4","actor_name":"Dee","review_id":"r1","wine":"Barolo 2019"}}""",
        """{"type":"event","id":"c1","name":"review_commented","user":"u1","time":"2026-12-02T10:00:00Z","properties":{"actor":"u1","actor_name":"Ana","review_id":"r1","wine":"Barolo 2019","comment":"Needs another five years."}}""",
        """{"type":"event","id":"v1","name":"review_posted","user":"u1","time":"2026-12-02T21:30:00Z","properties":{"actor":"u1","actor_name":"Ana","review_id":"r1","wine":"Barolo 2019","rating":5}}""",
        """{"type":"follow","follower":"u4","followee":"u1","time":"2026-12-02T22:00:00Z"}""",
        """{"type":"event","id":"v2","name":"review_posted","user":"u1","time":"2026-12-03T12:00:00Z","properties":{"actor":"u1","actor_name":"Ana","review_id":"r2","wine":"Rioja 2018","rating":4}}""",
        """{"type":"event","id":"c2","name":"review_commented","user":"u1","time":"2026-12-04T19:00:00Z","properties":{"actor":"u1","actor_name":"Ana","review_id":"r3","wine":"Chablis 2022","comment":"Perfect with oysters."}}""",
        """{"type":"event","id":"c3","name":"review_commented","user":"u1","time":"2026-12-07T09:00:00Z","properties":{"actor":"u1","actor_name":"Ana","review_id":"r4","wine":"Sancerre 2023","comment":"Bright and mineral."}}""",
    ];
}

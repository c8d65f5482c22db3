using System.Globalization;
using System.Text;
using TriggerLang.Bench.Generation;

namespace TriggerLang.Bench.Simulation;

/// <summary>
/// The simulation benchmark's input (issue 4): a 50-rule shop-and-community project with the clause
/// mix of real campaigns, and a JSON Lines file of user records, follows and events in time order.
/// Everything comes from one seed, so two runs write the same bytes.
/// </summary>
public static class SimulationGenerator
{
    public const int DefaultEvents = 1_000_000;
    public const int DefaultUsers = 10_000;
    public const int DefaultSeed = 20261201;
    public const int Rules = 50;

    /// <summary>The input's first instant; events spread evenly over the following 30 days.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private const int Days = 30;

    private static readonly string[] Zones =
    [
        "America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Europe/Paris",
        "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo",
    ];

    private static readonly string[] Countries = ["US", "CA", "GB", "FR", "DE", "JP", "AU", "BR"];
    private static readonly string[] Tiers = ["bronze", "silver", "gold", "platinum"];
    private static readonly string[] Names = ["Ana", "Ben", "Chloé", "Dmitri", "Eun-ji", "Farid", "Grace", "Hugo", "Inès", "Jonas", "Kenji", "Lena"];
    private static readonly string[] ProductCategories = ["wine", "cheese", "coffee", "tea", "books", "kitchen"];
    private static readonly string[] Products = ["Rioja Reserva", "Comté 24 months", "Ethiopian Yirgacheffe", "Sencha", "Le Petit Prince", "Chef's knife", "Barolo", "Earl Grey"];
    private static readonly string[] Pages = ["home", "pricing", "search", "product", "cart", "account", "blog"];

    /// <summary>Event names and their share of the input, per mille.</summary>
    private static readonly (string Name, int PerMille)[] Mix =
    [
        ("page_viewed", 280), ("product_viewed", 200), ("session_started", 110), ("cart_abandoned", 70),
        ("checkout_started", 50), ("purchase", 50), ("price_dropped", 40), ("review_posted", 30),
        ("review_liked", 40), ("review_commented", 25), ("message_opened", 60), ("message_clicked", 20),
        ("signup", 15), ("subscription_renewed", 10),
    ];

    public static GeneratedProject GenerateProject(int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["schema.trig"] = Schema,
            ["templates/cart.liquid"] = CartTemplate,
            ["templates/likes.liquid"] = LikesTemplate,
            ["templates/comments.liquid"] = CommentsTemplate,
        };
        var rules = new List<(string File, string Text)>();
        for (var i = 0; i < Rules; i++)
        {
            rules.Add(Rule(i, random));
        }
        foreach (var group in rules.GroupBy(r => r.File))
        {
            files[$"{group.Key}.trig"] = string.Join("\n", group.Select(r => r.Text));
        }
        return new GeneratedProject(files, Rules);
    }

    /// <summary>Writes the input: users (with zones, addresses, some opt-outs), follows, then events in time order.</summary>
    public static void WriteInput(string path, int events = DefaultEvents, int users = DefaultUsers, int seed = DefaultSeed)
    {
        var random = new Random(seed + 1);
        using var output = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        for (var u = 0; u < users; u++)
        {
            output.WriteLine(UserLine(u, random));
        }
        for (var u = 0; u < users; u++)
        {
            // About 3 followees each, more for the popular (low-numbered) users.
            var count = random.Next(0, 7);
            for (var k = 0; k < count; k++)
            {
                var followee = PickUser(random, users);
                if (followee != u)
                {
                    output.WriteLine($$"""{"type":"follow","follower":"u{{u}}","followee":"u{{followee}}"}""");
                }
            }
        }
        var total = Mix.Sum(m => m.PerMille);
        var span = (long)Days * 24 * 3600;
        for (var k = 0; k < events; k++)
        {
            var time = Start.AddSeconds(k * span / events);
            var pick = random.Next(total);
            var name = Mix[0].Name;
            foreach (var (candidate, share) in Mix)
            {
                if (pick < share)
                {
                    name = candidate;
                    break;
                }
                pick -= share;
            }
            var user = PickUser(random, users);
            output.WriteLine(EventLine(k, name, user, time, random, users));
        }
    }

    /// <summary>Skewed: a few users are very active, most are not (the square of a uniform draw).</summary>
    private static int PickUser(Random random, int users)
    {
        var x = random.NextDouble();
        return Math.Min(users - 1, (int)(x * x * users));
    }

    private static string UserLine(int u, Random random)
    {
        var attributes = new List<string>();
        if (random.Next(10) != 0)
        {
            attributes.Add($"\"timezone\":\"{Zones[random.Next(Zones.Length)]}\"");
        }
        if (random.Next(10) < 8)
        {
            attributes.Add($"\"first_name\":\"{Names[random.Next(Names.Length)]}\"");
        }
        if (random.Next(10) < 9)
        {
            attributes.Add($"\"email\":\"user{u}@example.com\"");
        }
        if (random.Next(10) < 4)
        {
            attributes.Add($"\"phone\":\"+1555{u:D7}\"");
        }
        if (random.Next(10) < 6)
        {
            attributes.Add($"\"push_token\":\"tok-{u}\"");
        }
        attributes.Add($"\"country\":\"{Countries[random.Next(Countries.Length)]}\"");
        attributes.Add($"\"tier\":\"{Tiers[random.Next(Tiers.Length)]}\"");
        if (random.Next(3) == 0)
        {
            attributes.Add($"\"loyalty_points\":{random.Next(5000)}");
        }
        var line = new StringBuilder($"{{\"type\":\"user\",\"id\":\"u{u}\",\"attributes\":{{{string.Join(",", attributes)}}}");
        // Opt-outs, drawn in a fixed order so that the same seed gives the same file.
        AppendOptOuts(line, "subscriptions", random, (4, "email"), (8, "push"));
        AppendOptOuts(line, "categories", random, (6, "marketing"), (3, "social"));
        return line.Append('}').ToString();
    }

    /// <summary>Appends <c>,"NAME":{"key":false,…}</c> with each key opted out at its percentage, or nothing when none is.</summary>
    private static void AppendOptOuts(StringBuilder line, string name, Random random, params (int Percent, string Key)[] keys)
    {
        var optedOut = keys.Where(k => random.Next(100) < k.Percent).Select(k => $"\"{k.Key}\":false").ToList();
        if (optedOut.Count > 0)
        {
            line.Append($",\"{name}\":{{{string.Join(",", optedOut)}}}");
        }
    }

    private static string EventLine(int k, string name, int user, DateTimeOffset time, Random random, int users)
    {
        string Money(int max) => (random.Next(100, max * 100) / 100m).ToString(CultureInfo.InvariantCulture);
        string Pick(string[] values) => values[random.Next(values.Length)];
        int Actor() => PickUser(random, users);
        var properties = name switch
        {
            "page_viewed" => random.Next(3) == 0
                ? $"\"page\":\"{Pick(Pages)}\",\"category\":\"{Pick(ProductCategories)}\""
                : $"\"page\":\"{Pick(Pages)}\"",
            "product_viewed" => $"\"product_id\":\"p{random.Next(500)}\",\"product\":\"{Pick(Products)}\",\"price\":{Money(300)},\"category\":\"{Pick(ProductCategories)}\"",
            "session_started" => $"\"platform\":\"{(random.Next(2) == 0 ? "ios" : "web")}\"",
            "cart_abandoned" => random.Next(4) == 0
                ? $"\"cart_id\":\"c{k}\",\"total\":{Money(400)},\"items\":{random.Next(1, 9)}"
                : $"\"cart_id\":\"c{k}\",\"total\":{Money(400)},\"items\":{random.Next(1, 9)},\"category\":\"{Pick(ProductCategories)}\"",
            "checkout_started" => $"\"cart_id\":\"c{k}\",\"total\":{Money(400)}",
            "purchase" => $"\"order_id\":\"o{k}\",\"total\":{Money(400)}",
            "price_dropped" => $"\"product_id\":\"p{random.Next(500)}\",\"product\":\"{Pick(Products)}\",\"old_price\":{Money(200)},\"new_price\":{Money(150)}",
            "review_posted" => $"\"actor\":\"u{user}\",\"actor_name\":\"{Pick(Names)}\",\"review_id\":\"r{k}\",\"product\":\"{Pick(Products)}\",\"rating\":{random.Next(1, 6)}",
            "review_liked" => $"\"actor\":\"u{Actor()}\",\"actor_name\":\"{Pick(Names)}\",\"review_id\":\"r{random.Next(k + 1)}\",\"product\":\"{Pick(Products)}\"",
            "review_commented" => $"\"actor\":\"u{user}\",\"actor_name\":\"{Pick(Names)}\",\"review_id\":\"r{random.Next(k + 1)}\",\"product\":\"{Pick(Products)}\",\"comment\":\"Lovely, thanks for the tip!\"",
            "message_opened" => $"\"rule\":\"{OpenedRules[random.Next(OpenedRules.Length)]}\",\"channel\":\"email\"",
            "message_clicked" => $"\"rule\":\"{OpenedRules[random.Next(OpenedRules.Length)]}\",\"channel\":\"email\",\"url\":\"https://shop.example.com/\"",
            "signup" => random.Next(2) == 0 ? "\"plan\":\"free\",\"source\":\"newsletter\"" : "\"plan\":\"pro\"",
            "subscription_renewed" => $"\"plan\":\"pro\",\"amount\":{Money(100)}",
            _ => throw new InvalidOperationException(name),
        };
        return $"{{\"type\":\"event\",\"id\":\"e{k}\",\"name\":\"{name}\",\"user\":\"u{user}\",\"time\":\"{time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\",\"properties\":{{{properties}}}}}";
    }

    /// <summary>Rules whose messages get opened or clicked in the input (rule k of each kind below).</summary>
    private static readonly string[] OpenedRules = ["welcome_4", "cart_recovery_0", "browse_3", "cross_sell_12", "welcome_17"];

    private static (string File, string Text) Rule(int i, Random random)
    {
        string Window() => random.Next(3) switch
        {
            0 => "window 09:00-21:00 local",
            1 => "window 10:00-20:00 local mon-fri",
            _ => "window 08:00-22:00 local",
        };
        string Cap() => $"cap {random.Next(1, 4)}/{(random.Next(2) == 0 ? "day" : "week")}";
        var threshold = random.Next(2, 30) * 10;
        var delay = new[] { "15m", "30m", "1h", "2h", "4h", "1h30m" }[random.Next(6)];
        var country = random.Next(2) == 0 ? " and user.country in [\"US\", \"CA\", \"GB\"]" : "";
        return (i % 13) switch
        {
            0 => ("cart", $$$"""
                rule cart_recovery_{{{i}}} "Cart recovery {{{i}}}"
                  on cart_abandoned
                  where total > {{{threshold}}}{{{country}}}
                  delay {{{delay}}}
                  unless purchase within 24h
                  {{{Window()}}}
                  {{{Cap()}}}
                  category marketing
                  goal purchase within 7d
                  send email {
                    subject: "{{ user.first_name | default: 'Hi' }}, you left {{ event.items }} items behind"
                    body: template "templates/cart.liquid"
                  } else send push {
                    title: "Your cart is waiting"
                    body: "{{ event.items }} items, ${{ event.total }} in total, are still in your cart."
                    url: "https://shop.example.com/cart/{{ event.cart_id }}"
                  }

                """),
            1 => ("checkout", $$$"""
                rule checkout_help_{{{i}}} "Checkout help {{{i}}}"
                  on checkout_started as checkout
                  where total >= {{{threshold}}}
                  delay {{{delay}}}
                  unless purchase
                  cap 1/day
                  category marketing
                  send in_app {
                    title: "Need a hand with checkout?"
                    body: "Your order of ${{ checkout.total }} is one step away."
                    url: "https://shop.example.com/checkout/{{ checkout.cart_id }}"
                  }

                """),
            2 => ("deals", $$$"""
                rule price_drop_{{{i}}} "Price drop {{{i}}}"
                  on price_dropped
                  where new_price < old_price and new_price > {{{threshold / 10}}}
                  {{{Window()}}}
                  {{{Cap()}}}
                  category deals
                  reeligible after 2d
                  send push {
                    title: "{{ event.product }} is cheaper"
                    body: "Now ${{ event.new_price }}, was ${{ event.old_price }}."
                    url: "https://shop.example.com/p/{{ event.product_id }}"
                  } else send email {
                    subject: "Price drop: {{ event.product }}"
                    body: "Good news {{ user.first_name | default: 'there' }}: {{ event.product }} is now ${{ event.new_price }}."
                  }

                """),
            3 => ("browse", $$$"""
                rule browse_{{{i}}} "Browse abandonment {{{i}}}"
                  on product_viewed
                  where price > {{{threshold}}} and event.category == "{{{ProductCategories[random.Next(ProductCategories.Length)]}}}"
                  delay {{{delay}}}
                  unless cart_abandoned
                  unless purchase within 2d
                  reeligible after 3d
                  category marketing
                  goal purchase within 3d
                  send email {
                    subject: "Still thinking about {{ event.product }}?"
                    body: "It is ${{ event.price }} today. https://shop.example.com/p/{{ event.product_id }}"
                  }

                """),
            4 => ("onboarding", $$$"""
                rule welcome_{{{i}}} "Welcome {{{i}}}"
                  on signup
                  once
                  priority transactional
                  send email {
                    subject: "Welcome, {{ user.first_name | default: 'friend' }}!"
                    body: "Thanks for joining on the {{ event.plan }} plan.{% if event.source %} You found us through {{ event.source }}.{% endif %}"
                  }

                """),
            5 => ("onboarding", $$$"""
                rule nudge_{{{i}}}
                  on message_sent
                  where rule == "welcome_{{{i - 1}}}"
                  delay 2d
                  unless message_opened where rule == "welcome_{{{i - 1}}}"
                  send push "Did you see our welcome?"

                """),
            6 => ("social", $$$"""
                rule new_review_{{{i}}} "A friend reviewed {{{i}}}"
                  on review_posted as review
                  where rating >= {{{random.Next(3, 6)}}}
                  to followers(actor)
                  {{{Window()}}}
                  cap 5/day
                  category social
                  send push {
                    title: "{{ review.actor_name }} rated {{ review.product }}"
                    body: "{{ review.rating }}/5 - see what they thought."
                    url: "https://shop.example.com/reviews/{{ review.review_id }}"
                  } else send in_app {
                    title: "{{ review.actor_name }} rated {{ review.product }}"
                    body: "{{ review.rating }}/5 - see what they thought."
                  }

                """),
            7 => ("digests", $$$"""
                rule daily_likes_{{{i}}} "Likes on your reviews {{{i}}}"
                  on review_liked
                  where actor != user.id
                  digest daily at {{{random.Next(17, 20)}}}:00 local max 20
                  cap 1/day
                  send in_app {
                    title: "{{ count }} new like{% if count != 1 %}s{% endif %} on your reviews"
                    body: template "templates/likes.liquid"
                  }

                """),
            8 => ("digests", $$$"""
                rule weekly_comments_{{{i}}} "Weekly comments {{{i}}}"
                  on review_commented
                  to followers(actor)
                  digest weekly on mon at 09:00 local max 10
                  category social
                  send email {
                    subject: "{{ count }} new comment{% if count != 1 %}s{% endif %} from people you follow"
                    body: template "templates/comments.liquid"
                  }

                """),
            9 => ("orders", $$$"""
                rule thanks_{{{i}}} "Order thanks {{{i}}}"
                  on purchase
                  where total > {{{threshold / 2}}}
                  delay 10m
                  priority transactional
                  send email {
                    subject: "Thank you for your order {{ event.order_id }}"
                    body: "We got your order of ${{ event.total }}. It ships soon."
                  }

                """),
            10 => ("engagement", $$$"""
                rule come_back_{{{i}}} "Come back {{{i}}}"
                  on session_started
                  where user.tier == "{{{Tiers[random.Next(Tiers.Length)]}}}" and platform == "web"
                  delay until 10:00 local
                  unless purchase within 1d
                  cap 1/week
                  category marketing
                  send sms "Members save 10% this week at shop.example.com" else send push "Members save 10% this week"

                """),
            11 => ("engagement", $$$"""
                rule pricing_{{{i}}} "Pricing page {{{i}}}"
                  on page_viewed
                  where page == "{{{(random.Next(2) == 0 ? "pricing" : "cart")}}}"
                  delay {{{delay}}}
                  unless subscription_renewed within 30d
                  window 09:00-18:00 local mon-fri else drop
                  {{{Cap()}}}
                  active 2026-12-05 .. 2026-12-25
                  category marketing
                  goal signup within 7d
                  send email {
                    subject: "Questions about our plans?"
                    body: "Hi {{ user.first_name | default: 'there' }}, reply to this email and a person will answer."
                  }

                """),
            _ => ("orders", $$$"""
                rule cross_sell_{{{i}}} "Cross-sell {{{i}}}"
                  on purchase
                  where total > {{{threshold}}}
                  delay 3d
                  unless cart_abandoned within 1d
                  {{{Window()}}}
                  {{{Cap()}}}
                  category marketing
                  goal purchase within 14d
                  send email {
                    subject: "Goes well with your last order"
                    body: "Customers who spent ${{ event.total }} also liked our {{ user.tier }} selection."
                  } else send sms "New picks for you at shop.example.com"

                """),
        };
    }

    private const string Schema = """
        // The simulation benchmark's shop and community (bench/README.md, Simulation).

        event page_viewed {
          page: string
          category: string?
        }

        event product_viewed {
          product_id: string
          product: string
          price: money
          category: string
        }

        event session_started {
          platform: string
        }

        event cart_abandoned {
          cart_id: string
          total: money
          items: int
          category: string?
        }

        event checkout_started {
          cart_id: string
          total: money
        }

        event purchase {
          order_id: string
          total: money
          cart_id: string?
        }

        event price_dropped {
          product_id: string
          product: string
          old_price: money
          new_price: money
        }

        event review_posted {
          actor: user
          actor_name: string
          review_id: string
          product: string
          rating: int
        }

        event review_liked {
          actor: user
          actor_name: string
          review_id: string
          product: string
        }

        event review_commented {
          actor: user
          actor_name: string
          review_id: string
          product: string
          comment: string
        }

        event signup {
          plan: string
          source: string?
        }

        event subscription_renewed {
          plan: string
          amount: money
        }

        user {
          first_name: string?
          country: string?
          tier: string?
          loyalty_points: int?
        }

        settings {
          timezone "America/New_York"
        }

        limits {
          cap 8/day
          cap push 3/day
          cap email 5/week
        }

        """;

    private const string CartTemplate = """
        Hi {{ user.first_name | default: "there" }},

        You left {{ event.items }} items in your cart, ${{ event.total }} in total.
        {% if event.category %}Your picks from {{ event.category }} are still waiting for you.
        {% endif %}
        Pick up where you left off: https://shop.example.com/cart/{{ event.cart_id }}

        You get this email because you subscribed to offers from our shop.

        """;

    private const string LikesTemplate = """
        {% for e in events %}{{ e.actor_name }} liked your review of {{ e.product }}.
        {% endfor %}{% if count > 20 %}...and others.
        {% endif %}
        """;

    private const string CommentsTemplate = """
        {% for e in events %}{{ e.actor_name }} on {{ e.product }}: "{{ e.comment }}"
        {% endfor %}{% if count > 10 %}...and {{ count | minus: 10 }} more.
        {% endif %}
        """;
}

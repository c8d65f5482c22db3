namespace TriggerLang.Bench.Generation;

/// <summary>A declared field: <see cref="Type"/> is its source text (<c>money</c>, <c>string?</c>, <c>list&lt;int&gt;</c>).</summary>
internal sealed record FieldModel(string Name, string Type)
{
    public bool IsOptional => Type.EndsWith('?');

    /// <summary>The type without <c>?</c>.</summary>
    public string Base => Type.TrimEnd('?');

    public bool IsStringLike => Base is "string" or "user";
}

internal sealed record EventModel(string Name, IReadOnlyList<FieldModel> Fields)
{
    public IEnumerable<FieldModel> Where(Func<FieldModel, bool> predicate) => Fields.Where(predicate);

    /// <summary>A field of type <c>user</c> (for <c>to followers(actor)</c>), if any.</summary>
    public FieldModel? UserField => Fields.FirstOrDefault(f => f.Type == "user");
}

/// <summary>The generated schema: ~30 events of 4–10 fields using every type, optional or not, and a user block.</summary>
internal sealed class SchemaModel
{
    private static readonly string[] EventNames =
    [
        "cart_abandoned", "checkout_started", "purchase", "signup", "profile_completed", "price_dropped",
        "item_restocked", "review_posted", "review_commented", "review_liked", "subscription_renewed",
        "subscription_cancelled", "trial_started", "trial_ending", "payment_failed", "invoice_paid",
        "order_shipped", "order_delivered", "order_returned", "wishlist_added", "product_viewed",
        "search_performed", "coupon_redeemed", "referral_sent", "referral_converted", "app_opened",
        "session_ended", "points_earned", "survey_completed", "ticket_closed",
    ];

    private static readonly FieldModel[] Required =
    [
        new("order_id", "string"), new("cart_id", "string"), new("product_id", "string"), new("sku", "string"),
        new("plan", "string"), new("currency", "string"), new("device", "string"), new("campaign", "string"),
    ];

    private static readonly FieldModel[] Numeric =
    [
        new("total", "money"), new("price", "money"), new("amount", "money"), new("items", "int"),
        new("quantity", "int"), new("rating", "int"), new("points", "int"), new("score", "decimal"),
    ];

    private static readonly FieldModel[] Others =
    [
        new("category", "string?"), new("referrer", "string?"), new("utm_source", "string?"), new("locale", "string?"),
        new("title", "string"), new("coupon_code", "string?"), new("attempt", "int"), new("page_views", "int"),
        new("discount_percent", "int?"), new("position", "int?"), new("weight_kg", "decimal"), new("tax_rate", "decimal?"),
        new("old_price", "money?"), new("discount", "money?"), new("is_gift", "bool"), new("first_order", "bool"),
        new("mobile", "bool"), new("newsletter_opt_in", "bool?"), new("occurred_at", "timestamp"),
        new("created_at", "timestamp"), new("expires_at", "timestamp?"), new("last_seen_at", "timestamp?"),
        new("session_length", "duration"), new("wait_time", "duration"), new("time_to_checkout", "duration?"),
        new("referrer_user", "user"), new("tags", "list<string>"), new("skus", "list<string>"),
        new("quantities", "list<int>"), new("labels", "list<string>?"),
    ];

    /// <summary>The declared user attributes (the built-ins id, timezone, email, phone, push_token come on top).</summary>
    public static IReadOnlyList<FieldModel> UserAttributes { get; } =
    [
        new("first_name", "string?"), new("last_name", "string?"), new("country", "string?"), new("tier", "string?"),
        new("language", "string?"), new("age", "int?"), new("orders_count", "int"), new("lifetime_value", "money?"),
        new("vip", "bool?"), new("signed_up_at", "timestamp?"), new("interests", "list<string>?"),
    ];

    private SchemaModel(IReadOnlyList<EventModel> events) => Events = events;

    public IReadOnlyList<EventModel> Events { get; }

    public static SchemaModel Create(Random random)
    {
        var events = new List<EventModel>();
        for (var i = 0; i < EventNames.Length; i++)
        {
            var fields = new List<FieldModel> { random.Pick(Required), random.Pick(Numeric) };
            if (i % 3 == 0)
            {
                fields.Insert(0, new FieldModel("actor", "user"));
            }
            var target = random.Next(4, 11);
            while (fields.Count < target)
            {
                var pool = random.Chance(0.3) ? Numeric : random.Chance(0.2) ? Required : Others;
                var candidate = random.Pick(pool);
                if (fields.All(f => f.Name != candidate.Name))
                {
                    fields.Add(candidate);
                }
            }
            events.Add(new EventModel(EventNames[i], fields));
        }
        return new SchemaModel(events);
    }

    public string Render(Random random)
    {
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine("// The events the product sends, the recipient profile, and the project-wide");
        w.WriteLine("// settings and frequency caps. Generated by TriggerLang.Bench (seeded).");
        w.WriteLine();
        foreach (var e in Events)
        {
            if (e.Fields.Count <= 4 && random.Chance(0.5))
            {
                w.WriteLine($"event {e.Name} {{ {string.Join(", ", e.Fields.Select(f => $"{f.Name}: {f.Type}"))} }}");
                w.WriteLine();
                continue;
            }
            w.WriteLine($"event {e.Name} {{");
            foreach (var f in e.Fields)
            {
                var comment = f.IsOptional && random.Chance(0.3) ? "   // absent when unknown" : "";
                w.WriteLine($"  {f.Name}: {f.Type}{comment}");
            }
            w.WriteLine("}");
            w.WriteLine();
        }
        w.WriteLine("user {                       // built-ins: id, timezone, email, phone, push_token");
        foreach (var f in UserAttributes)
        {
            w.WriteLine($"  {f.Name}: {f.Type}");
        }
        w.WriteLine("}");
        w.WriteLine();
        w.WriteLine("settings {");
        w.WriteLine("  timezone \"Europe/Paris\"    // for users with no timezone of their own");
        w.WriteLine("}");
        w.WriteLine();
        w.WriteLine("limits {");
        w.WriteLine("  cap 6/day");
        w.WriteLine("  cap push 2/day");
        w.WriteLine("  cap email 3/week");
        w.WriteLine("  cap sms 4/7d");
        w.WriteLine("}");
        return w.ToString();
    }
}

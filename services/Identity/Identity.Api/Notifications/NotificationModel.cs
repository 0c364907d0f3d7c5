namespace Marketplace.Identity.Notifications;

internal static class NotificationModel
{
    public static void AddNotificationEntities(this ModelBuilder builder)
    {
        builder.Entity<Notification>(e =>
        {
            e.ToTable("Notifications");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Key).HasMaxLength(120);
            e.Property(x => x.Link).HasMaxLength(200);
            e.Property(x => x.Detail).HasMaxLength(200);
            e.Property(x => x.EmailState).HasMaxLength(20);
            e.HasIndex(x => new { x.UserId, x.Key }).IsUnique();
            e.HasIndex(x => new { x.UserId, x.Id });
            e.HasIndex(x => new { x.EmailState, x.UserId });
        });
        builder.Entity<NotificationSettings>(e =>
        {
            e.ToTable("NotificationSettings");
            e.HasKey(x => x.UserId);
            e.Property(x => x.Email).HasMaxLength(20);
        });
    }
}

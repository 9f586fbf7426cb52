package dev.druidtasks.server.app;

import java.util.ArrayList;
import java.util.List;

/** A data source of the seed and its dimensions: a few kinds of data, their names numbered when more are asked. */
record SeedDataSource(String name, List<String> dimensions) {
  private static final List<SeedDataSource> KINDS = List.of(
      new SeedDataSource("wikipedia", List.of("channel", "cityName", "comment", "countryIsoCode", "countryName",
          "isAnonymous", "isMinor", "isNew", "isRobot", "isUnpatrolled", "metroCode", "namespace", "page",
          "regionIsoCode", "regionName", "user")),
      new SeedDataSource("clickstream", List.of("session_id", "user_id", "page_url", "referrer", "device", "browser",
          "os", "country", "campaign", "experiment")),
      new SeedDataSource("ad_impressions", List.of("advertiser", "campaign_id", "creative_id", "placement",
          "publisher", "device_type", "country", "region", "bid_type")),
      new SeedDataSource("orders", List.of("order_status", "customer_tier", "region", "warehouse", "payment_method",
          "product_category", "sales_channel")),
      new SeedDataSource("k8s_metrics", List.of("cluster", "namespace", "pod", "container", "node", "metric",
          "unit")),
      new SeedDataSource("app_logs", List.of("service", "host", "level", "logger", "thread", "trace_id",
          "message_template", "env")),
      new SeedDataSource("payments", List.of("merchant_id", "currency", "card_brand", "country", "status",
          "risk_band", "gateway")),
      new SeedDataSource("iot_sensors", List.of("device_id", "site", "sensor_type", "firmware", "unit", "zone")));

  static List<SeedDataSource> first(int count) {
    List<SeedDataSource> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SeedDataSource kind = KINDS.get(i % KINDS.size());
      out.add(i < KINDS.size() ? kind : new SeedDataSource(kind.name() + "_" + (i / KINDS.size() + 1),
          kind.dimensions()));
    }
    return out;
  }
}

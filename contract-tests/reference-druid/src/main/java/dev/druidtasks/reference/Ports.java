package dev.druidtasks.reference;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The loopback ports of one reference Druid: Druid's own defaults, moved together by an offset so
 * that two can run side by side.
 *
 * @param peonStartPort first port of the task JVMs (one per slot)
 */
public record Ports(int zooKeeper, int derby, int coordinator, int middleManager, int peonStartPort) {
  public static final Ports DRUID_DEFAULTS = new Ports(2181, 1527, 8081, 8091, 8100);

  public Ports shifted(int offset) {
    return new Ports(zooKeeper + offset, derby + offset, coordinator + offset, middleManager + offset,
        peonStartPort + offset);
  }

  /** Placeholders of the configuration templates. */
  Map<String, String> placeholders() {
    return Map.of(
        "zkPort", Integer.toString(zooKeeper),
        "derbyPort", Integer.toString(derby),
        "coordinatorPort", Integer.toString(coordinator),
        "middleManagerPort", Integer.toString(middleManager),
        "peonStartPort", Integer.toString(peonStartPort));
  }

  /** Ports some other process already listens on, among the fixed ones and the first {@code slots} peon ports. */
  List<Integer> busy(int slots) {
    List<Integer> all = new ArrayList<>(List.of(zooKeeper, derby, coordinator, middleManager));
    for (int i = 0; i < slots; i++) {
      all.add(peonStartPort + i);
    }
    List<Integer> busy = new ArrayList<>();
    for (int port : all) {
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        s.setReuseAddress(true);
      } catch (IOException e) {
        busy.add(port);
      }
    }
    return busy;
  }
}

package dev.druidtasks.junit;

import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives tests a druid-tasks server in this JVM, emptied between tests. Either annotate the class with
 * {@link DruidTasksTest @DruidTasksTest}, or register it in a static field:
 * <pre>{@code
 * @RegisterExtension
 * static DruidTasksExtension druid = DruidTasksExtension.builder().reset(Reset.PER_CLASS).build();
 * }</pre>
 * and call {@link #url()} or {@link #control()} on it. Parameters of type {@link DruidTasks}, and
 * {@code URI} or {@code String} parameters annotated {@link DruidTasksUrl @DruidTasksUrl}, are resolved.
 */
public final class DruidTasksExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  static final int DEFAULT_CAPACITY = 4;

  /** Null: from the class's {@link DruidTasksTest} (or the defaults). */
  private final Reset reset;
  private final Integer capacity;
  private volatile DruidTasks server;

  /** As {@link DruidTasksTest @DruidTasksTest} makes it: the annotation's settings, or the defaults. */
  public DruidTasksExtension() {
    this(null, null);
  }

  private DruidTasksExtension(Reset reset, Integer capacity) {
    this.reset = reset;
    this.capacity = capacity;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a registered extension. */
  public static final class Builder {
    private Reset reset = Reset.PER_METHOD;
    private int capacity = DEFAULT_CAPACITY;

    public Builder reset(Reset when) {
      this.reset = when;
      return this;
    }

    /** Tasks the server's worker runs at once; servers of different capacities are different servers. */
    public Builder capacity(int tasks) {
      if (tasks < 1) {
        throw new IllegalArgumentException("capacity must be at least 1, got " + tasks);
      }
      this.capacity = tasks;
      return this;
    }

    public DruidTasksExtension build() {
      return new DruidTasksExtension(reset, capacity);
    }
  }

  /** The server's base URL; known from the test class's start on. */
  public URI url() {
    return started().url();
  }

  public DruidTasksControl control() {
    return started().control();
  }

  public DruidTasks server() {
    return started();
  }

  private DruidTasks started() {
    if (server == null) {
      throw new IllegalStateException("the druid-tasks server is started before the test class's first test");
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = ServerPool.server(capacity(context));
    if (reset(context) == Reset.PER_CLASS) {
      server.control().reset();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (reset(context) == Reset.PER_METHOD) {
      server.control().reset();
    }
  }

  private Reset reset(ExtensionContext context) {
    return reset != null ? reset : annotation(context).map(DruidTasksTest::reset).orElse(Reset.PER_METHOD);
  }

  private int capacity(ExtensionContext context) {
    return capacity != null ? capacity : annotation(context).map(DruidTasksTest::capacity).orElse(DEFAULT_CAPACITY);
  }

  private static java.util.Optional<DruidTasksTest> annotation(ExtensionContext context) {
    return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, DruidTasksTest.class));
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
    Class<?> type = p.getParameter().getType();
    return type == DruidTasks.class
        || p.isAnnotated(DruidTasksUrl.class) && (type == URI.class || type == String.class);
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext context) {
    DruidTasks s = server != null ? server : ServerPool.server(capacity(context));
    Class<?> type = p.getParameter().getType();
    if (type == DruidTasks.class) {
      return s;
    }
    if (type == URI.class) {
      return s.url();
    }
    if (type == String.class) {
      return s.url().toString();
    }
    throw new ParameterResolutionException("cannot resolve " + p.getParameter());
  }
}

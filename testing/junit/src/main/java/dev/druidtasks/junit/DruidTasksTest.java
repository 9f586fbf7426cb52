package dev.druidtasks.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a druid-tasks server started in this JVM (once for all classes that use the
 * same settings), on a free port with an embedded PostgreSQL. Test methods and lifecycle methods take a
 * {@link DruidTasks} handle or a {@link DruidTasksUrl @DruidTasksUrl} {@code URI} as parameters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DruidTasksExtension.class)
public @interface DruidTasksTest {
  /** When the server is emptied through the control API: before each test (default), or once per class. */
  Reset reset() default Reset.PER_METHOD;

  /** Tasks the server's worker runs at once. */
  int capacity() default DruidTasksExtension.DEFAULT_CAPACITY;
}

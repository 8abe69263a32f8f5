package uz.qamrov.planner.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write endpoint that only saves planning work — a plan run, a scenario — and never changes the network,
 * targets, costs or users. The {@code planner} role, otherwise read-only, may call it; operators may too, and the
 * feature restricts them to their own operator (see docs/api.md, "Roles"). Checked by the access interceptor.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PlanningWork {
}

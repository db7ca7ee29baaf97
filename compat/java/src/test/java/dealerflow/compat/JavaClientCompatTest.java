package dealerflow.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A worker application written for Camunda 8 in Java, run against Dealerflow's gateway: deploy,
 * start an instance, work its service task, publish the message it waits for, and complete its
 * user task over REST. Once with the client's gRPC commands and a streaming worker, once with
 * every command it can send over REST and a polling worker.
 *
 * <p>The gateway's addresses come from the system properties {@code gateway.grpcAddress} and
 * {@code gateway.restAddress} (else the environment's {@code GATEWAY_GRPC_ADDRESS} and {@code
 * GATEWAY_REST_ADDRESS}, else the standalone engine's defaults). {@code compat.runId} names the
 * run, so the caller can find what this test left in the engine.
 */
class JavaClientCompatTest {

  static final String PROCESS_ID = "java_compat";
  static final String MESSAGE = "java-compat-paid";
  static final Duration PATIENCE = Duration.ofSeconds(30);

  static String setting(String property, String env, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) value = System.getenv(env);
    return value == null || value.isBlank() ? fallback : value;
  }

  static final URI GRPC = URI.create(setting("gateway.grpcAddress", "GATEWAY_GRPC_ADDRESS", "http://127.0.0.1:26500"));
  static final URI REST = URI.create(setting("gateway.restAddress", "GATEWAY_REST_ADDRESS", "http://127.0.0.1:8080"));
  static final String RUN = setting("compat.runId", "COMPAT_RUN_ID", UUID.randomUUID().toString());

  /** A plaintext client without credentials: http:// addresses mean no TLS. */
  static CamundaClient client(boolean preferRest) {
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .grpcAddress(GRPC)
        .restAddress(REST)
        .preferRestOverGrpc(preferRest)
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** Order paid, then approved: a service task, a message catch keyed by the order, a Camunda user task. */
  static BpmnModelInstance model(String jobType) {
    return Bpmn.createExecutableProcess(PROCESS_ID)
        .name("Java client compatibility")
        .startEvent("start")
        .serviceTask("reserve", task -> task.name("Reserve the vehicle").zeebeJobType(jobType))
        .intermediateCatchEvent("paid", event -> event.name("Payment received").message(m -> m.name(MESSAGE).zeebeCorrelationKeyExpression("orderId")))
        .userTask("approve", task -> task.name("Approve the order").zeebeUserTask())
        .endEvent("end")
        .done();
  }

  static <T> T eventually(String what, Supplier<T> probe) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) return value;
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"grpc", "rest"})
  void deploysStartsWorksCorrelatesAndCompletesAUserTask(String transport) throws Exception {
    boolean rest = transport.equals("rest");
    String jobType = "java-compat-" + transport + "-" + RUN;
    String orderId = "order-" + transport + "-" + RUN;

    try (CamundaClient client = client(rest)) {
      assertFalse(client.newTopologyRequest().send().join(10, TimeUnit.SECONDS).getBrokers().isEmpty(), "the topology lists a broker");

      DeploymentEvent deployment = client.newDeployResourceCommand().addProcessModel(model(jobType), PROCESS_ID + ".bpmn").send().join();
      assertEquals(PROCESS_ID, deployment.getProcesses().get(0).getBpmnProcessId());

      List<Long> worked = new CopyOnWriteArrayList<>();
      try (JobWorker worker = client.newWorker().jobType(jobType)
          .handler((jobClient, job) -> {
            jobClient.newCompleteCommand(job).variables(Map.of("reservedBy", "java-" + transport, "vin", "XTA" + job.getKey())).send().join();
            worked.add(job.getKey());
          })
          .name("java-compat")
          .timeout(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .streamEnabled(!rest)
          .open()) {

        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
            .variables(Map.of("orderId", orderId, "runId", RUN, "transport", transport))
            .send().join();
        long key = instance.getProcessInstanceKey();

        eventually("the worker to complete the service task", () -> worked.isEmpty() ? null : worked);
        assertEquals(1, worked.size(), "exactly one job was worked");

        client.newPublishMessageCommand().messageName(MESSAGE).correlationKey(orderId)
            .timeToLive(Duration.ofMinutes(1)).variables(Map.of("paid", true)).send().join();

        UserTask task = eventually("the user task", () -> {
          List<UserTask> items = client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(key).state(UserTaskState.CREATED)).send().join().items();
          return items.isEmpty() ? null : items.get(0);
        });
        assertEquals("approve", task.getElementId());
        assertEquals("Approve the order", task.getName());
        assertEquals(PROCESS_ID, task.getBpmnProcessId());

        client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(Map.of("approved", true)).send().join();

        ProcessInstanceState state = eventually("the instance to complete", () -> {
          ProcessInstanceState s = client.newProcessInstanceGetRequest(key).send().join().getState();
          return s == ProcessInstanceState.COMPLETED ? s : null;
        });
        assertEquals(ProcessInstanceState.COMPLETED, state);
        assertTrue(client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(key).state(UserTaskState.CREATED)).send().join().items().isEmpty(), "no open user task is left");
      }
    }
  }
}

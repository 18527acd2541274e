package dev.foodpipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * aws/deploy.sh and aws/destroy.sh with --dry-run: the aws commands they would run, and their
 * refusals.
 */
class AwsScriptsTest {
  private static final Pattern PARAMETER = Pattern.compile("(?<=\\s)([A-Z][A-Za-z]+)=");

  record Run(int exitCode, String stdout, String stderr) {}

  @Test
  void deployDryRunPrintsTheCloudFormationDeployWithEveryParameter() throws Exception {
    Run run =
        run(
            "aws/deploy.sh",
            "--dry-run",
            "--repo-url",
            "https://example.org/food-pipeline.git",
            "--region",
            "eu-west-1",
            "--allowed-cidr",
            "203.0.113.7/32",
            "--profiles",
            "monitoring");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout())
        .contains("aws cloudformation deploy --region eu-west-1 --stack-name food-pipeline")
        .contains("--template-file " + Repo.path("aws/food-pipeline.yaml"))
        .contains("--capabilities CAPABILITY_IAM")
        .contains(
            "InstanceType=t2.small",
            "AllowedCidr=203.0.113.7/32",
            "ComposeProfiles=monitoring",
            "RepositoryUrl=https://example.org/food-pipeline.git",
            "RepositoryRef=main")
        .contains("aws cloudformation describe-stacks");
  }

  @Test
  void deployPassesOnlyParametersTheTemplateDeclares() throws Exception {
    Run run =
        run("aws/deploy.sh", "--dry-run", "--repo-url", "https://example.org/food-pipeline.git");
    String deploy =
        run.stdout()
            .lines()
            .filter(line -> line.startsWith("aws cloudformation deploy"))
            .findFirst()
            .orElseThrow();
    String overrides = deploy.substring(deploy.indexOf("--parameter-overrides"));
    List<String> passed = new ArrayList<>();
    Matcher parameter = PARAMETER.matcher(overrides);
    while (parameter.find()) {
      passed.add(parameter.group(1));
    }
    JsonNode parameters =
        new YAMLMapper().readTree(Repo.read("aws/food-pipeline.yaml")).path("Parameters");
    List<String> declared = new ArrayList<>();
    parameters.fieldNames().forEachRemaining(declared::add);
    assertThat(passed).isNotEmpty().isSubsetOf(declared);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0/0", "0.0.0.0/1", "10.0.0.0/8", "203.0.113.0/23", "::/0"})
  void deployRefusesToOpenTheWebPortsWiderThanA24(String cidr) throws Exception {
    Run run =
        run(
            "aws/deploy.sh",
            "--dry-run",
            "--repo-url",
            "https://example.org/x.git",
            "--allowed-cidr",
            cidr);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("would open the web ports to the world");
    assertThat(run.stdout()).doesNotContain("aws cloudformation");
  }

  @Test
  void deployRefusesARepositoryUrlWithCredentialsAndNeverPrintsThem() throws Exception {
    Run run =
        run(
            "aws/deploy.sh",
            "--dry-run",
            "--repo-url",
            "https://x-access-token:ghp_secret@github.com/acme/food-pipeline.git");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("carries credentials", "--repo-token-parameter");
    assertThat(run.stdout() + run.stderr()).doesNotContain("ghp_secret");

    Run withParameter =
        run(
            "aws/deploy.sh",
            "--dry-run",
            "--repo-url",
            "https://github.com/acme/food-pipeline.git",
            "--repo-token-parameter",
            "/food-pipeline/git-token");
    assertThat(withParameter.exitCode()).as(withParameter.stderr()).isZero();
    assertThat(withParameter.stdout())
        .contains("RepositoryTokenParameter=/food-pipeline/git-token");
  }

  @Test
  void deployRejectsAnUnknownOption() throws Exception {
    Run run = run("aws/deploy.sh", "--dry-run", "--instance-typo", "t3.small");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("unknown option --instance-typo");
  }

  @Test
  void destroyDryRunDeletesTheStackAndWaits() throws Exception {
    Run run = run("aws/destroy.sh", "--dry-run", "--stack-name", "food-demo");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout().lines())
        .containsExactly(
            "aws cloudformation delete-stack --stack-name food-demo ",
            "aws cloudformation wait stack-delete-complete --stack-name food-demo ");
  }

  @Test
  void destroyWithoutATerminalOrYesDeletesNothing() throws Exception {
    Run run = run("aws/destroy.sh", "--stack-name", "food-demo");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).containsAnyOf("pass --yes", "AWS CLI is not installed");
  }

  private static Run run(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", Repo.path(script).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(Repo.root().toFile());
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    boolean finished = process.waitFor(30, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
      throw new AssertionError(script + " did not finish in 30 s");
    }
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.exitValue(), stdout, stderr);
  }
}

package dev.foodpipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * aws/food-pipeline.yaml: plain YAML, the parameters it promises, no ingress from the world, the
 * boot script.
 */
class CloudFormationTemplateTest {
  static final String TEMPLATE = "aws/food-pipeline.yaml";

  private static final Set<String> PSEUDO_PARAMETERS =
      Set.of(
          "AWS::AccountId",
          "AWS::NoValue",
          "AWS::Partition",
          "AWS::Region",
          "AWS::StackId",
          "AWS::StackName",
          "AWS::URLSuffix",
          "AWS::NotificationARNs");
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

  private static JsonNode template;

  @BeforeAll
  static void readTemplate() throws IOException {
    template = new YAMLMapper().readTree(Repo.read(TEMPLATE));
  }

  @Test
  void usesOnlyLongFormIntrinsicFunctionsSoAnyYamlParserReadsIt() {
    List<String> tagged = new ArrayList<>();
    for (Event event :
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .parse(new StringReader(Repo.read(TEMPLATE)))) {
      String tag = null;
      if (event instanceof ScalarEvent) {
        tag = ((ScalarEvent) event).getTag();
      } else if (event instanceof CollectionStartEvent) {
        tag = ((CollectionStartEvent) event).getTag();
      }
      if (tag != null) {
        tagged.add(tag + " at line " + (event.getStartMark().getLine() + 1));
      }
    }
    assertThat(tagged).as("short-form tags such as !Ref; write Ref: / Fn::Sub: instead").isEmpty();
    assertThat(template.path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
  }

  @Test
  void instanceTypeIsAParameterThatDefaultsToT2Small() {
    assertThat(template.at("/Parameters/InstanceType/Default").asText()).isEqualTo("t2.small");
    assertThat(instance().at("/Properties/InstanceType/Ref").asText()).isEqualTo("InstanceType");
  }

  @Test
  void declaresTheParametersTheDeployScriptPasses() {
    assertThat(names(template.path("Parameters")))
        .contains(
            "InstanceType",
            "AllowedCidr",
            "RepositoryUrl",
            "RepositoryRef",
            "ComposeProfiles",
            "SwapSizeMiB",
            "ImageId");
    assertThat(template.at("/Parameters/AllowedCidr/Default").asText())
        .as("by default no CIDR may reach the instance")
        .isEmpty();
    assertThat(template.at("/Parameters/SwapSizeMiB/Default").asInt()).isPositive();
  }

  @Test
  void everyRefAndGetAttNamesAParameterAResourceOrAPseudoParameter() {
    Set<String> known = new HashSet<>(names(template.path("Parameters")));
    known.addAll(names(template.path("Resources")));
    known.addAll(PSEUDO_PARAMETERS);
    List<String> unknown = new ArrayList<>();
    walk(
        template.path("Resources"),
        (key, value) -> {
          if (key.equals("Ref") && !known.contains(value.asText())) {
            unknown.add("Ref " + value.asText());
          }
          if (key.equals("Fn::GetAtt") && !known.contains(value.path(0).asText())) {
            unknown.add("Fn::GetAtt " + value.path(0).asText());
          }
        });
    walk(
        template.path("Outputs"),
        (key, value) -> {
          if (key.equals("Ref") && !known.contains(value.asText())) {
            unknown.add("Ref " + value.asText());
          }
        });
    assertThat(unknown).isEmpty();
  }

  @Test
  void opensNoIngressToTheWorldAndOnlyToTheGivenCidrWhenOneIsGiven() {
    List<JsonNode> rules = new ArrayList<>();
    for (JsonNode resource : template.path("Resources")) {
      String type = resource.path("Type").asText();
      if (type.equals("AWS::EC2::SecurityGroupIngress")) {
        rules.add(resource.path("Properties"));
      }
      if (type.equals("AWS::EC2::SecurityGroup")) {
        JsonNode ingress = resource.at("/Properties/SecurityGroupIngress");
        if (ingress.isMissingNode()) {
          continue;
        }
        JsonNode condition = ingress.path("Fn::If");
        assertThat(condition.isArray())
            .as(
                "SecurityGroupIngress must be an Fn::If on the AllowedCidr condition, empty otherwise")
            .isTrue();
        assertThat(condition.path(0).asText()).isEqualTo("HasAllowedCidr");
        assertThat(condition.path(2).path("Ref").asText()).isEqualTo("AWS::NoValue");
        condition.path(1).forEach(rules::add);
      }
    }
    assertThat(rules).as("the web ports for the given CIDR").isNotEmpty();
    for (JsonNode rule : rules) {
      assertThat(rule.path("CidrIp").path("Ref").asText())
          .as("CidrIp of %s", rule)
          .isEqualTo("AllowedCidr");
      assertThat(rule.has("CidrIpv6")).as("IPv6 ingress in %s", rule).isFalse();
      assertThat(rule.path("FromPort").asInt())
          .as("no SSH: access is through SSM")
          .isNotEqualTo(22);
    }
    List<String> worldCidrs = new ArrayList<>();
    walk(
        template.path("Resources"),
        (key, value) -> {
          if (value.isTextual()
              && (value.asText().equals("0.0.0.0/0") || value.asText().equals("::/0"))) {
            worldCidrs.add(key + ": " + value.asText());
          }
        });
    assertThat(worldCidrs).isEmpty();
  }

  @Test
  void refusesTheWorldAsAllowedCidr() {
    JsonNode assertion =
        template.at("/Rules/NoWorldIngress/Assertions/0/Assert/Fn::Not/0/Fn::Equals");
    assertThat(assertion.path(0).path("Ref").asText()).isEqualTo("AllowedCidr");
    assertThat(assertion.path(1).asText()).isEqualTo("0.0.0.0/0");
  }

  @Test
  void attachesAnInstanceProfileWhoseRoleAllowsSessionManager() {
    String profile = instance().at("/Properties/IamInstanceProfile/Ref").asText();
    JsonNode instanceProfile = template.path("Resources").path(profile);
    assertThat(instanceProfile.path("Type").asText()).isEqualTo("AWS::IAM::InstanceProfile");
    String role = instanceProfile.at("/Properties/Roles/0/Ref").asText();
    JsonNode roleResource = template.path("Resources").path(role);
    assertThat(roleResource.path("Type").asText()).isEqualTo("AWS::IAM::Role");
    assertThat(roleResource.at("/Properties/ManagedPolicyArns").toString())
        .contains("AmazonSSMManagedInstanceCore");
    assertThat(roleResource.at("/Properties/AssumeRolePolicyDocument").toString())
        .contains("ec2.amazonaws.com");
  }

  @Test
  void requiresImdsV2AndAnEncryptedRootVolume() {
    String launchTemplate =
        instance().at("/Properties/LaunchTemplate/LaunchTemplateId/Ref").asText();
    assertThat(
            template
                .path("Resources")
                .path(launchTemplate)
                .at("/Properties/LaunchTemplateData/MetadataOptions/HttpTokens")
                .asText())
        .isEqualTo("required");
    assertThat(instance().at("/Properties/BlockDeviceMappings/0/Ebs/Encrypted").asBoolean())
        .isTrue();
  }

  @Test
  void userDataMakesSwapInstallsDockerAndComposeAndRunsTheStackAsAServiceThatSurvivesReboots() {
    String script = userDataScript();
    assertThat(script).startsWith("#!/bin/bash");
    assertThat(script).contains("set -euxo pipefail");
    assertThat(script).as("swap file").contains("mkswap /swapfile", "swapon", "/etc/fstab");
    assertThat(script)
        .as("Docker, compose plugin, buildx")
        .contains("docker.io", "docker-compose-v2", "docker-buildx");
    assertThat(script)
        .as("repository")
        .contains("git clone", "${RepositoryUrl}", "${RepositoryRef}");
    assertThat(script)
        .as("systemd unit")
        .contains(
            "/etc/systemd/system/food-pipeline.service",
            "[Unit]",
            "Requires=docker.service",
            "ExecStart=/usr/bin/docker compose up -d --build",
            "WantedBy=multi-user.target",
            "systemctl enable food-pipeline.service");
    assertThat(script)
        .as("ports bind to the loopback unless a CIDR is given")
        .contains("FOOD_BIND_ADDRESS=${BindAddress}");
  }

  @Test
  void userDataSubstitutesOnlyKnownNames() {
    JsonNode sub = instance().at("/Properties/UserData/Fn::Base64/Fn::Sub");
    Set<String> known = new HashSet<>(names(template.path("Parameters")));
    known.addAll(names(template.path("Resources")));
    known.addAll(PSEUDO_PARAMETERS);
    known.addAll(names(sub.path(1)));
    List<String> unknown = new ArrayList<>();
    Matcher matcher = SUB_VARIABLE.matcher(sub.path(0).asText());
    while (matcher.find()) {
      if (!known.contains(matcher.group(1))) {
        unknown.add(matcher.group(1));
      }
    }
    assertThat(unknown)
        .as("${...} in UserData that CloudFormation cannot substitute (shell variables: $NAME)")
        .isEmpty();
  }

  @Test
  void outputsTellHowToReachTheInstanceThroughSessionManager() {
    assertThat(names(template.path("Outputs")))
        .contains("InstanceId", "ShellCommand", "TunnelCommand");
    assertThat(template.at("/Outputs/TunnelCommand/Value/Fn::Sub").asText())
        .contains("aws ssm start-session", "AWS-StartPortForwardingSession");
  }

  private static JsonNode instance() {
    List<JsonNode> instances = new ArrayList<>();
    template
        .path("Resources")
        .forEach(
            resource -> {
              if (resource.path("Type").asText().equals("AWS::EC2::Instance")) {
                instances.add(resource);
              }
            });
    assertThat(instances).as("one EC2 instance").hasSize(1);
    return instances.get(0);
  }

  private static String userDataScript() {
    JsonNode sub = instance().at("/Properties/UserData/Fn::Base64/Fn::Sub");
    return sub.isArray() ? sub.path(0).asText() : sub.asText();
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private interface Visitor {
    void visit(String key, JsonNode value);
  }

  private static void walk(JsonNode node, Visitor visitor) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        visitor.visit(field.getKey(), field.getValue());
        walk(field.getValue(), visitor);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        visitor.visit("", element);
        walk(element, visitor);
      }
    }
  }
}

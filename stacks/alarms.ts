/**
 * Two signals that need a human: a document that failed every retry (dead-letter queue not
 * empty) and a worker invocation that crashed or timed out. Permanent failures are reported per
 * message and acknowledged, so they do not count as Lambda errors.
 */
export function createAlarms(
  deadLetterQueue: { nodes: { queue: { name: unknown } } },
  worker: { name: unknown },
  alarmEmail: string | undefined,
) {
  const topic = new aws.sns.Topic("Alarms");
  if (alarmEmail) {
    new aws.sns.TopicSubscription("AlarmsEmail", {
      topic: topic.arn,
      protocol: "email",
      endpoint: alarmEmail,
    });
  }
  const notify = { alarmActions: [topic.arn], okActions: [topic.arn] };

  const deadLetters = new aws.cloudwatch.MetricAlarm("DeadLetterQueueNotEmpty", {
    alarmDescription: "A document failed every retry and is waiting in the dead-letter queue.",
    namespace: "AWS/SQS",
    metricName: "ApproximateNumberOfMessagesVisible",
    dimensions: { QueueName: deadLetterQueue.nodes.queue.name },
    statistic: "Maximum",
    period: 300,
    evaluationPeriods: 1,
    threshold: 0,
    comparisonOperator: "GreaterThanThreshold",
    treatMissingData: "notBreaching",
    ...notify,
  });

  const workerErrors = new aws.cloudwatch.MetricAlarm("DocumentWorkerErrors", {
    alarmDescription: "The document worker crashed or timed out.",
    namespace: "AWS/Lambda",
    metricName: "Errors",
    dimensions: { FunctionName: worker.name },
    statistic: "Sum",
    period: 300,
    evaluationPeriods: 1,
    threshold: 0,
    comparisonOperator: "GreaterThanThreshold",
    treatMissingData: "notBreaching",
    ...notify,
  });

  return { topic, deadLetters, workerErrors };
}
